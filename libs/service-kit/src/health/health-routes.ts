import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { problemForStatus, sendProblem } from '../errors/problem-reply.js';
import { problemSchema } from '../errors/problem.js';
import { runReadinessChecks, type ReadinessChecks } from './readiness.js';

export interface HealthOptions {
  checks: ReadinessChecks;
  timeoutMs: number;
}

const checkResultSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('degraded')]),
  duration_ms: Type.Integer(),
  error: Type.Optional(Type.String()),
});
const checksSchema = Type.Record(Type.String(), checkResultSchema);

/**
 * Adds /healthz (the process is alive) and /readyz (its hard dependencies answer and it is not draining;
 * an optional dependency that fails makes it 200 `degraded`, not 503).
 */
export function installHealthRoutes(app: FastifyInstance, options: HealthOptions): void {
  // Probes hit these every few seconds; neither traces nor info logs would tell anyone anything.
  const quiet = { config: { otel: false }, logLevel: 'warn' } as const;

  app.get(
    '/healthz',
    {
      ...quiet,
      schema: {
        tags: ['ops'],
        summary: 'Liveness',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      ...quiet,
      schema: {
        tags: ['ops'],
        summary: 'Readiness: every hard dependency answers (optional ones may be degraded)',
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
            checks: checksSchema,
          }),
          503: Type.Intersect([problemSchema, Type.Object({ checks: checksSchema })]),
        },
      },
    },
    async (request, reply) => {
      if (app.isDraining())
        return sendProblem(request, reply, { ...problemForStatus(503, 'Shutting down.'), checks: {} });
      const checks = await runReadinessChecks(options.checks, options.timeoutMs);
      const failed = Object.keys(checks).filter((name) => checks[name]?.status === 'failed');
      if (failed.length === 0) {
        const degraded = Object.keys(checks).filter((name) => checks[name]?.status === 'degraded');
        if (degraded.length === 0) return { status: 'ok' as const, checks };
        request.log.warn({ checks }, `degraded: ${degraded.join(', ')}`);
        return { status: 'degraded' as const, checks };
      }
      request.log.warn({ checks }, 'not ready');
      return sendProblem(request, reply, {
        ...problemForStatus(503, `Not ready: ${failed.join(', ')}.`),
        checks,
      });
    },
  );
}
