import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Helmet's headers on every response (errors and 404s too): nosniff, frame denial, no referrer leaks, HSTS
 * (the ingress sets it as well, for what it answers itself). The CSP is the one the Swagger UI at /docs
 * needs and nothing more: its scripts, styles and fonts come from this origin, images may be data: URIs,
 * and it fetches /openapi.json from here. JSON answers are not rendered, so the policy costs them nothing.
 * No upgrade-insecure-requests: /docs is served over plain HTTP on 127.0.0.1 locally.
 */
export const apiContentSecurityPolicy: ContentSecurityDirectives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
};

/** CSP directives by helmet's camel-case names (`scriptSrc: ["'self'"]`). */
export type ContentSecurityDirectives = Record<string, string[]>;

/** `directives`: a service that serves pages of its own (the web app) replaces the API's policy whole. */
export async function installSecurityHeaders(
  app: FastifyInstance,
  directives: ContentSecurityDirectives = apiContentSecurityPolicy,
): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives },
    // Other origins (the web app, partners) read the API with CORS; same-site keeps no-cors embeds out.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
