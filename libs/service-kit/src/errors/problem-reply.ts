import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_BASE_URI, type Problem, type ProblemError } from './problem.js';

/** Media type of every error body (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

// Stable slugs for problems raised by Fastify itself or plugins, keyed by status.
const SLUG_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  500: 'internal-error',
  503: 'service-unavailable',
};

/** A problem body for a bare status code, e.g. errors raised by Fastify or its plugins. */
export function problemForStatus(status: number, detail?: string): Problem {
  return {
    type: `${PROBLEM_BASE_URI}${SLUG_BY_STATUS[status] ?? `http-${status}`}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
  };
}

/** The problem body for a ProblemError thrown by service code. */
export function problemFromError(error: ProblemError): Problem {
  return {
    ...error.extensions,
    type: error.type,
    title: error.title,
    status: error.status,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    ...(error.errors === undefined ? {} : { errors: error.errors }),
  };
}

/** Sends `problem` as application/problem+json, stamped with the request's path and id. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: Problem & Record<string, unknown>,
): FastifyReply {
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problem, instance: request.url.split('?')[0], request_id: request.id });
}
