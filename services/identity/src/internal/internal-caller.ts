import type { onRequestAsyncHookHandler } from 'fastify';
import { unauthorized } from '@portfolioos/service-kit';
import { hashSecret, secretMatches } from '../crypto/secrets.js';

/**
 * An onRequest hook admitting only callers that present the shared internal token as a bearer token.
 * A shared secret (from a Kubernetes Secret, or the local env) works the same on a laptop and in a cluster,
 * with no mesh or mTLS needed; /internal is also never routed by the public ingress (deploy/routes.json).
 * The comparison is of sha256 digests in constant time, so neither content nor length leaks by timing.
 */
export function internalCallerOnly(expectedToken: string | undefined): onRequestAsyncHookHandler {
  const expectedHash = expectedToken === undefined ? undefined : hashSecret(expectedToken);
  return async (request) => {
    const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
    const presented = match?.[1];
    if (!expectedHash || !presented || !secretMatches(presented, expectedHash))
      throw unauthorized('This endpoint is for PortfolioOS services presenting the internal token.');
  };
}
