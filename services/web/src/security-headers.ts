import fp from 'fastify-plugin';
import type { ServicePlugin } from '@portfolioos/service-kit';

export interface SecurityHeaderOptions {
  /** A configured production map style: its tiles, sprites and glyphs come from other https origins. */
  mapStyleUrl: string;
}

/**
 * The browser-facing policy of every answer: scripts only from this origin (the JSON data blocks in the
 * shell and listing pages are not scripts), MapLibre's worker from a blob: URL, map data from this origin
 * only unless a production style is configured, and no framing.
 */
export function contentSecurityPolicy({ mapStyleUrl }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    // MapLibre positions markers with style attributes.
    "style-src 'self' 'unsafe-inline'",
    // Listing photos come from object storage (presigned https URLs).
    "img-src 'self' data: blob: https:",
    `connect-src 'self'${mapStyleUrl ? ' https:' : ''}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sets the security headers on every answer of the web service. */
export function securityHeaders(options: SecurityHeaderOptions): ServicePlugin {
  const policy = contentSecurityPolicy(options);
  return fp(async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', policy);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'strict-origin-when-cross-origin');
      reply.header('x-frame-options', 'DENY');
    });
  });
}
