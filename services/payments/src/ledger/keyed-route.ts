import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestHash, requireKey, type KeyedResponse } from '../idempotency.js';

/** The Idempotency-Key of a request and the fingerprint of what it asks (its route and body). */
export function keyOf(request: FastifyRequest): { key: string; hash: string } {
  const header = request.headers['idempotency-key'];
  const key = requireKey(typeof header === 'string' ? header : undefined);
  return { key, hash: requestHash(`${request.method} ${request.url}`, request.body) };
}

/** Sends a stored or fresh keyed response. */
export const sendKeyed = (reply: FastifyReply, response: KeyedResponse) =>
  reply.code(response.statusCode).send(response.body);
