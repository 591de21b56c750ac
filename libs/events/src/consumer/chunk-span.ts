import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Link,
} from '@opentelemetry/api';
import type { ConsumedRecord } from './consumed-event.js';

const tracer = trace.getTracer('@portfolioos/events');

/** One span for a chunk applied at once, linked to each producer's trace (a span has one parent, a chunk many). */
export async function tracedChunk<R, P extends object>(
  records: ConsumedRecord<P>[],
  consumer: string,
  apply: () => Promise<R>,
): Promise<R> {
  const first = records[0]!;
  const topic = first.kind === 'event' ? first.event.topic : first.tombstone.topic;
  const span = tracer.startSpan(`${topic} process`, {
    kind: SpanKind.CONSUMER,
    links: records.flatMap(producerLink),
    attributes: {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': consumer,
      'messaging.batch.message_count': records.length,
    },
  });
  try {
    return await context.with(trace.setSpan(context.active(), span), apply);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

function producerLink<P extends object>(record: ConsumedRecord<P>): Link[] {
  const envelope = record.kind === 'event' ? record.event.envelope : record.tombstone.envelope;
  if (!envelope?.traceparent) return [];
  const carrier = { traceparent: envelope.traceparent, tracestate: envelope.tracestate ?? undefined };
  const spanContext = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, carrier));
  return spanContext ? [{ context: spanContext }] : [];
}
