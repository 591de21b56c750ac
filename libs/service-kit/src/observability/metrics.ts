import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry; other libs (outbox, consumers) register their metrics here. */
    metrics: Registry;
  }
}

// Requests no route matched share one label value, so scanners cannot explode the series count.
const UNMATCHED_ROUTE = 'unmatched';

/** Decorates `app.metrics` with a per-app registry holding process metrics and an HTTP latency histogram. */
export function installMetrics(app: FastifyInstance, labels: Record<string, string>): void {
  // A registry per app (not prom-client's global one) lets several apps live in one test process.
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.decorate('metrics', registry);

  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? UNMATCHED_ROUTE,
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/metrics',
    {
      schema: { tags: ['ops'], summary: 'Prometheus metrics', produces: ['text/plain'] },
      config: { otel: false },
      logLevel: 'warn',
    },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
}
