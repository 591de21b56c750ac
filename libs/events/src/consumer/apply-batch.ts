import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Link,
} from '@opentelemetry/api';
import type { ApplyContext } from './apply-events.js';
import { freshRecords } from './apply-events.js';
import type { BatchHandler, ConsumedRecord, HandlerTransaction } from './consumed-event.js';
import { forgetInInbox, inboxEntry } from './inbox-rows.js';

const tracer = trace.getTracer('@portfolioos/events');

/**
 * Applies a chunk through the batch handler inside one transaction: the fresh records go to it at once,
 * the inbox keeps only those it applied. Returns the records that failed, for the per-record path.
 */
export async function applyBatch<P extends object, TTx extends HandlerTransaction>(
  tx: TTx,
  records: ConsumedRecord<P>[],
  ctx: ApplyContext<P, TTx>,
  batchHandler: BatchHandler<P, TTx>,
): Promise<ConsumedRecord<P>[]> {
  const fresh = await freshRecords(tx, records, ctx);
  if (fresh.length === 0) return [];
  const outcomes = await traced(fresh, ctx.consumer, () => batchHandler(fresh, tx));
  if (outcomes.length !== fresh.length) {
    throw new Error(`batch handler reported ${outcomes.length} outcomes for ${fresh.length} records`);
  }
  const failed = fresh.filter((_, i) => !outcomes[i]!.ok);
  await forgetInInbox(tx, ctx.consumer, failed.flatMap(inboxEntry));
  for (const [i, record] of fresh.entries()) {
    if (!outcomes[i]!.ok) continue;
    const type = record.kind === 'event' ? record.event.type : 'tombstone';
    ctx.metrics?.consumed.inc({ group: ctx.consumer, event_type: type, outcome: 'applied' });
  }
  return failed;
}

// One span for the batch, linked to each producer's trace (a span has one parent, a batch many).
async function traced<R, P extends object>(
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
