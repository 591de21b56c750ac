import { register } from 'node:module';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /** OTLP/HTTP base URL (e.g. http://collector:4318); without one spans are created but not exported. */
  otlpEndpoint?: string;
  /**
   * Zipkin's span endpoint (e.g. http://127.0.0.1:9411/api/v2/spans): the local stack's trace viewer, which has no
   * OTLP receiver. With both endpoints set, spans go to both.
   */
  zipkinEndpoint?: string;
  /** Paths whose incoming requests get no span (probes, scrapes). */
  ignoredPaths?: readonly string[];
}

/** Flushes and stops telemetry; call last during shutdown. */
export interface Telemetry {
  shutdown(): Promise<void>;
}

const DEFAULT_IGNORED_PATHS = ['/healthz', '/readyz', '/metrics'];

/**
 * Starts the OpenTelemetry Node SDK (W3C trace context, AsyncLocalStorage, http + pg instrumentation).
 * Call it first in server.ts and import the rest of the service afterwards with `await import(...)`:
 * instrumentation patches modules as they load, and ESM imports are resolved before any code runs.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  // pg reaches us through drizzle's ESM build, which only the import-in-the-middle loader hook can patch.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const ignored = new Set(options.ignoredPaths ?? DEFAULT_IGNORED_PATHS);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    ...(options.serviceVersion
      ? { resource: resourceFromAttributes({ [ATTR_SERVICE_VERSION]: options.serviceVersion }) }
      : {}),
    // Everything is explicit so OTEL_* defaults cannot quietly start OTLP metric/log exporters: metrics are
    // Prometheus (/metrics), logs are pino on stdout.
    spanProcessors: spanProcessorsFor(options),
    metricReaders: [],
    logRecordProcessors: [],
    contextManager: new AsyncLocalStorageContextManager(),
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => ignored.has((request.url ?? '').split('?')[0] ?? ''),
      }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

function spanProcessorsFor({ otlpEndpoint, zipkinEndpoint }: TelemetryOptions): SpanProcessor[] {
  const processors: SpanProcessor[] = [];
  if (otlpEndpoint) {
    const url = `${otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  if (zipkinEndpoint) processors.push(new BatchSpanProcessor(new ZipkinExporter({ url: zipkinEndpoint })));
  // Without an exporter spans still exist, so logs carry trace ids and traceparent still flows to Kafka.
  return processors.length ? processors : [new NoopSpanProcessor()];
}
