import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { documentProblemResponses } from './problem-responses.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

/** Collects route schemas into an OpenAPI 3.1 document served at /openapi.json, with Swagger UI at /docs. */
export async function installOpenApi(app: FastifyInstance, info: OpenApiInfo): Promise<void> {
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
  app.get('/openapi.json', { schema: { hide: true }, config: { otel: false } }, async () => app.swagger());
}
