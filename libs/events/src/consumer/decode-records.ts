import type { KafkaMessage } from 'kafkajs';
import { envelopeFromHeaders, type EventEnvelope } from '../envelope.js';
import type { EventRegistry } from '../event-registry.js';
import type { EventsMetrics } from '../events-metrics.js';
import type { AvroSerde } from '../serde/avro-serde.js';
import type {
  ConsumedRecord,
  ConsumedTombstone,
  EventHandlers,
  HandlerTransaction,
} from './consumed-event.js';

export interface DecodeContext<P extends object, TTx extends HandlerTransaction> {
  group: string;
  events: EventRegistry<P>;
  serde: AvroSerde;
  handlers: EventHandlers<P, TTx>;
  metrics?: EventsMetrics;
}

/**
 * Decodes messages of one partition, in order, into records. Events of types without a handler are
 * skipped (counted as ignored); a record that is not an event of ours throws MalformedEventError.
 */
export async function decodeRecords<P extends object, TTx extends HandlerTransaction>(
  ctx: DecodeContext<P, TTx>,
  topic: string,
  partition: number,
  messages: KafkaMessage[],
): Promise<ConsumedRecord<P>[]> {
  const records: ConsumedRecord<P>[] = [];
  for (const message of messages) {
    const key = message.key?.toString('utf8') ?? null;
    if (message.value === null) {
      if (key !== null)
        records.push({ kind: 'tombstone', tombstone: tombstoneOf(key, message, topic, partition) });
      continue;
    }
    const envelope = envelopeFromHeaders(message.headers);
    const type = envelope.eventType as keyof P & string;
    if (!ctx.handlers[type] || !ctx.events.has(type)) {
      ctx.metrics?.consumed.inc({ group: ctx.group, event_type: type, outcome: 'ignored' });
      continue;
    }
    const payload = (await ctx.serde.decode(type, message.value)) as P[typeof type];
    records.push({
      kind: 'event',
      event: { envelope, type, key, payload, topic, partition, offset: message.offset },
    });
  }
  return records;
}

// A tombstone from enqueueTombstone carries the envelope; a bare one (another producer) has none.
function tombstoneOf(
  key: string,
  message: KafkaMessage,
  topic: string,
  partition: number,
): ConsumedTombstone {
  let envelope: EventEnvelope | null = null;
  try {
    envelope = envelopeFromHeaders(message.headers);
  } catch {
    envelope = null;
  }
  return { key, envelope, topic, partition, offset: message.offset };
}
