import { isSpanContextValid, trace } from '@opentelemetry/api';

/** Pino mixin adding trace_id/span_id of the active span to each log line, so logs and traces join up. */
export function traceContextMixin(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const context = span.spanContext();
  if (!isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}
