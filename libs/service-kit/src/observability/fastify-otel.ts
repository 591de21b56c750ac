import { FastifyOtelInstrumentation } from '@fastify/otel';
import type { FastifyPluginCallback } from 'fastify';

let instrumentation: FastifyOtelInstrumentation | undefined;

/**
 * The @fastify/otel plugin: a span per request (child of an incoming traceparent), active in hooks and
 * handlers. It uses whichever tracer provider is registered globally (startTelemetry in production).
 */
export function fastifyOtelPlugin(): FastifyPluginCallback {
  // One instrumentation per process: each instance subscribes to diagnostics channels when enabled.
  instrumentation ??= new FastifyOtelInstrumentation({ recordExceptions: true });
  return instrumentation.plugin();
}
