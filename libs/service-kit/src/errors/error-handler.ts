import type { FastifyError, FastifyInstance } from 'fastify';
import { ProblemError, PROBLEM_BASE_URI } from './problem.js';
import { problemForStatus, problemFromError, sendProblem } from './problem-reply.js';
import { toFieldErrors } from './validation-errors.js';
import { methodNotAllowedOrNotFound, trackRouteMethods } from '../http/method-not-allowed.js';

/**
 * Answers every error and unknown route with RFC 9457 problem+json (405 + Allow for a known path's other
 * methods); internals are logged, never returned. Install before any route, so every route is tracked.
 */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ProblemError | Error, request, reply) => {
    if (error instanceof ProblemError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, problemFromError(error));
    }
    if ('validation' in error && error.validation) {
      return sendProblem(request, reply, {
        type: `${PROBLEM_BASE_URI}validation-error`,
        title: 'Invalid request',
        status: 400,
        detail: 'The request did not match the schema; see errors.',
        errors: toFieldErrors(error.validation, error.validationContext ?? 'request'),
      });
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx messages (bad JSON, wrong content type, body too large) are safe and useful.
      request.log.info({ err: error }, 'request rejected');
      return sendProblem(request, reply, problemForStatus(status, error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(
      request,
      reply,
      problemForStatus(status >= 500 ? status : 500, 'An unexpected error occurred.'),
    );
  });

  const routes = trackRouteMethods(app);
  const noRoute = methodNotAllowedOrNotFound(routes);
  // Answered before body parsing: Fastify parses a body even for a request it has no route
  // for, so QUERY without a Content-Type was a 400 "must provide a Content-Type" instead of 405.
  // A path parameter matched as empty ('/v1/tenants/' by '/v1/tenants/:id') names no resource either: the
  // router took it for the route, so it was a 400 "id must match format uuid" instead of 405 for PATCH;
  // so is a fixed path a parametric route took for another method (PATCH /v1/listings/search).
  // preParsing, not onRequest: the request id, the security headers and the rest of onRequest still apply.
  app.addHook('preParsing', async (request, reply) => {
    if (request.is404 || hasEmptyParameter(request.params) || routes.shadowsFixedPath(request)) {
      return noRoute(request, reply);
    }
  });
  app.setNotFoundHandler(noRoute);
}

// Named parameters only: a wildcard ('*', static files) may legitimately match nothing.
const hasEmptyParameter = (params: unknown): boolean =>
  typeof params === 'object' &&
  params !== null &&
  Object.entries(params).some(([name, value]) => name !== '*' && value === '');
