import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';
import type { EventsMetrics } from '../events-metrics.js';
import type {
  ConsumedEvent,
  ConsumedRecord,
  EventHandlers,
  HandlerTransaction,
  TombstoneHandler,
} from './consumed-event.js';
import { inboxEntry, recordInInbox } from './inbox-rows.js';

const tracer = trace.getTracer('@portfolioos/events');

export interface ApplyContext<P extends object, TTx extends HandlerTransaction> {
  consumer: string;
  handlers: EventHandlers<P, TTx>;
  onTombstone?: TombstoneHandler<TTx>;
  metrics?: EventsMetrics;
}

/**
 * Applies records in order inside one transaction: records those with an event id in the inbox
 * (insert-once), then runs the handler of each that was not there already. Returns how many effects
 * were applied.
 */
export async function applyEvents<P extends object, TTx extends HandlerTransaction>(
  tx: TTx,
  records: ConsumedRecord<P>[],
  ctx: ApplyContext<P, TTx>,
): Promise<number> {
  const fresh = await freshRecords(tx, records, ctx);
  const organization = new TransactionOrganization(tx);
  for (const record of fresh) {
    if (record.kind === 'event') {
      await organization.switchTo(record.event.envelope.organizationId);
      await runHandler(tx, record.event, ctx);
    } else {
      await organization.switchTo(record.tombstone.envelope?.organizationId ?? null);
      await ctx.onTombstone!(record.tombstone, tx);
      ctx.metrics?.consumed.inc({
        group: ctx.consumer,
        event_type: record.tombstone.envelope?.eventType ?? 'tombstone',
        outcome: 'applied',
      });
    }
  }
  return fresh.length;
}

/**
 * The records this consumer handles whose event id was not in the inbox yet, now recorded there (in
 * `tx`). Bare tombstones have no id and always count as fresh; an id twice in one chunk counts once.
 */
export async function freshRecords<P extends object, TTx extends HandlerTransaction>(
  tx: TTx,
  records: ConsumedRecord<P>[],
  ctx: ApplyContext<P, TTx>,
): Promise<ConsumedRecord<P>[]> {
  const handled = handledRecords(records, ctx);
  if (handled.length === 0) return [];
  const fresh = await recordInInbox(tx, ctx.consumer, handled.flatMap(inboxEntry));
  return handled.filter((record) => {
    const entry = inboxEntry(record)[0];
    if (!entry || fresh.delete(entry.eventId)) return true;
    ctx.metrics?.consumed.inc({ group: ctx.consumer, event_type: entry.type, outcome: 'duplicate' });
    return false;
  });
}

/** The records this consumer has a handler for (tombstones only with `onTombstone`). */
export function handledRecords<P extends object, TTx extends HandlerTransaction>(
  records: ConsumedRecord<P>[],
  ctx: ApplyContext<P, TTx>,
): ConsumedRecord<P>[] {
  return records.filter((r) => (r.kind === 'event' ? ctx.handlers[r.event.type] : ctx.onTombstone));
}

async function runHandler<P extends object, TTx extends HandlerTransaction>(
  tx: TTx,
  event: ConsumedEvent<P>,
  ctx: ApplyContext<P, TTx>,
): Promise<void> {
  const handler = ctx.handlers[event.type];
  if (!handler) return;
  // The producer's trace continues here: the span is a child of the traceparent the event carried.
  const parent = propagation.extract(context.active(), {
    traceparent: event.envelope.traceparent ?? undefined,
    tracestate: event.envelope.tracestate ?? undefined,
  });
  const span = tracer.startSpan(
    `${event.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': event.topic,
        'messaging.consumer.group.name': ctx.consumer,
        'messaging.message.id': event.envelope.eventId,
        'messaging.kafka.offset': Number(event.offset),
        'portfolioos.event_type': event.type,
      },
    },
    parent,
  );
  const timer = ctx.metrics?.handlerSeconds.startTimer({ group: ctx.consumer, event_type: event.type });
  try {
    await context.with(trace.setSpan(parent, span), () => handler(event as never, tx));
    ctx.metrics?.consumed.inc({ group: ctx.consumer, event_type: event.type, outcome: 'applied' });
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    timer?.();
    span.end();
  }
}

/**
 * Row-level security in the consumer's database follows each event's organization. A transaction
 * starts with none set, and consecutive events of one organization need no round trip.
 */
class TransactionOrganization {
  private current: string | null = null;

  constructor(private readonly tx: HandlerTransaction) {}

  async switchTo(organizationId: string | null): Promise<void> {
    if (organizationId === this.current) return;
    await this.tx.execute(sql`select set_config('app.org_id', ${organizationId ?? ''}, true)`);
    this.current = organizationId;
  }
}
