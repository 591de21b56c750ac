import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** Header carrying the request id in both directions. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Ids end up in logs and response headers; anything longer or stranger than this is not an id but a payload.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reuses a well-formed incoming x-request-id (set by the ingress or a caller), else makes a UUID. */
export function generateRequestId(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
}

/** Echoes the request id on every response, errors included. */
export function echoRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
