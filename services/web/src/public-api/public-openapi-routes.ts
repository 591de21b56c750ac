import type { ServicePlugin } from '@portfolioos/service-kit';
import publicOpenApi from '../generated/public-openapi.json' with { type: 'json' };

/** Where the web service's own OpenAPI document goes, so /openapi.json can be the public one. */
export const OWN_OPENAPI_PATH = '/openapi/web.json';

/**
 * GET /openapi.json: every service's public API in one document (tools/generate-api-types.ts merges and
 * commits it; npm test fails when it is stale). The ingress sends /openapi.json here, the catch-all.
 */
export function publicOpenApiRoutes(): ServicePlugin {
  return async (app) => {
    app.get('/openapi.json', { schema: { hide: true }, config: { otel: false } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').send(publicOpenApi),
    );
  };
}
