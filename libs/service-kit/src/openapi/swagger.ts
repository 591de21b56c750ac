import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { documentProblemResponses } from './problem-responses.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  /**
   * Where the service's own document is served (default /openapi.json). The web service, the ingress's
   * catch-all, moves its own aside so that /openapi.json can be the merged public spec.
   */
  documentPath?: string;
}

/** Collects route schemas into an OpenAPI 3.1 document served at /openapi.json (or `documentPath`), with Swagger UI at /docs. */
export async function installOpenApi(
  app: FastifyInstance,
  { documentPath = '/openapi.json', ...info }: OpenApiInfo,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info,
      tags: [{ name: 'ops', description: 'Probes and metrics for the platform, not for API clients.' }],
    },
    transformObject: (document) =>
      'openapiObject' in document ? documentProblemResponses(document.openapiObject) : document.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', logLevel: 'warn' });
  app.get(documentPath, { schema: { hide: true }, config: { otel: false } }, async () => app.swagger());
}
