import { ProblemError } from '@portfolioos/service-kit';
import type { FastifyRequest } from 'fastify';

/** A `.catch` for calls to identity: it is down or timed out, so the visitor gets a 503 problem, not a 500. */
export const upstreamUnavailable =
  (request: FastifyRequest) =>
  (error: unknown): never => {
    request.log.warn({ err: error }, 'session: identity did not answer');
    throw new ProblemError({
      status: 503,
      slug: 'upstream-unavailable',
      title: 'Service Unavailable',
      detail: 'Sign-in is not reachable right now; try again shortly.',
    });
  };
