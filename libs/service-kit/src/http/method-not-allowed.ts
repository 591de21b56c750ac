import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Router from 'find-my-way';
import { problemForStatus, sendProblem } from '../errors/problem-reply.js';

/**
 * Remembers every route's path and methods so that a request Fastify finds no route for can be told apart:
 * a known path with another method is 405 with `Allow` (RFC 9110 §15.5.6), anything else 404. Fastify's
 * own router answers 404 for both. A shadow find-my-way router with Fastify's defaults matches paths the
 * same way (parameters, wildcards) without reaching into Fastify's internals.
 */
export interface RouteMethods {
  /** The methods declared for the request's path (any parameter names), sorted; none: unknown path. */
  allowed: (request: FastifyRequest) => string[];
  /**
   * Whether a parametric route took a path that is declared as a fixed path with other methods
   * (PATCH /v1/listings/search matched /v1/listings/:id): OpenAPI, like a client, reads the fixed path.
   */
  shadowsFixedPath: (request: FastifyRequest) => boolean;
}

export function trackRouteMethods(app: FastifyInstance): RouteMethods {
  const router = Router();
  const methodsByPath = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const url = withoutTrailingSlash(route.url);
    const known = methodsByPath.get(url);
    if (known) {
      for (const method of methods) known.add(method);
      return;
    }
    let set = new Set(methods);
    try {
      // One entry per path: the store is the path's method set, looked up whatever the request's method.
      router.on('GET', url, () => undefined, { methods: set });
    } catch {
      // The same path spelled with other parameter names (/:id vs /:orgId): one route to a client.
      const existing = router.find('GET', url)?.store as { methods: Set<string> } | undefined;
      if (!existing) throw new Error(`cannot track the methods of ${url}`);
      for (const method of methods) existing.methods.add(method);
      set = existing.methods;
    }
    methodsByPath.set(url, set);
  });
  const pathOf = (request: FastifyRequest) => withoutTrailingSlash(request.url.split('?')[0] ?? '/');
  return {
    allowed: (request) => {
      const methods = router.find('GET', pathOf(request))?.store as { methods: Set<string> } | undefined;
      return methods ? [...methods.methods].sort() : [];
    },
    shadowsFixedPath: (request) => {
      const route = request.routeOptions.url ?? '';
      if (!route.includes(':')) return false;
      const fixed = methodsByPath.get(pathOf(request));
      return fixed !== undefined && !fixed.has(request.method);
    },
  };
}

// A prefixed plugin's '/' route answers at '/v1/leases' and '/v1/leases/', but Fastify reports only the
// first to onRoute (and the implicit HEAD of both): one path to the tracker, or '/v1/leases/' took HEAD only.
const withoutTrailingSlash = (path: string): string =>
  path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;

/** Answers a request no route took: 405 + Allow when its path exists with other methods, else 404. */
export function methodNotAllowedOrNotFound(
  routes: RouteMethods,
): (request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (request, reply) => {
    const allowed = routes.allowed(request);
    const path = request.url.split('?')[0];
    if (allowed.length === 0 || allowed.includes(request.method)) {
      return sendProblem(request, reply, problemForStatus(404, `No route for ${request.method} ${path}.`));
    }
    reply.header('allow', allowed.join(', '));
    return sendProblem(
      request,
      reply,
      problemForStatus(405, `${path} does not take ${request.method}; it takes ${allowed.join(', ')}.`),
    );
  };
}
