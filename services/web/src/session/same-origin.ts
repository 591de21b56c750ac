import { forbidden } from '@portfolioos/service-kit';
import type { FastifyRequest } from 'fastify';

/**
 * CSRF defence for the cookie-authenticated session endpoints (OWASP: verifying origin with standard
 * headers), on top of the cookie's SameSite=Strict: the request must come from a page of this deployment.
 * Browsers send Origin on every POST and Sec-Fetch-Site where they support fetch metadata; a request without
 * Origin is not from a page of ours (curl and other non-browser callers use identity's API directly).
 */
export function requireSameOrigin(publicOrigin: string) {
  return async (request: FastifyRequest): Promise<void> => {
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if (origin !== publicOrigin || (site !== undefined && site !== 'same-origin'))
      throw forbidden('Session requests must come from the PortfolioOS web app itself.');
  };
}
