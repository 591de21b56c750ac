import type { KafkaMessage } from 'kafkajs';
import type pg from 'pg';
import {
  AvroSerde,
  createKafka,
  envelopeFromHeaders,
  OutboxRelay,
  type EventEnvelope,
  type EventsLogger,
} from '@portfolioos/events';
import { stack, uniqueName } from '@portfolioos/testing';
import { identityEvents } from '../../src/outbox.js';

const silent: EventsLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** An identity event as a consumer sees it: envelope from the headers, payload decoded via the registry. */
export interface ReadEvent {
  topic: string;
  key: string;
  envelope: EventEnvelope;
  payload: Record<string, unknown>;
}

/**
 * Relays the database's outbox to the real Kafka topics (as identity's relay does), then reads back, from
 * the offsets the topics had before, every record whose key is in `keys`, until `expected` have arrived.
 */
export async function relayAndRead(
  pool: pg.Pool,
  topics: string[],
  keys: ReadonlySet<string>,
  expected: number,
): Promise<ReadEvent[]> {
  const kafka = createKafka({
    clientId: uniqueName('identity-test'),
    brokers: stack.kafkaBrokers,
    logger: silent,
  });
  const admin = kafka.admin();
  await admin.connect();
  const starts = await Promise.all(
    topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })),
  );
  await admin.disconnect();

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const serde = new AvroSerde(stack.schemaRegistryUrl, identityEvents);
  const relay = new OutboxRelay({ pool, producer, serde, source: 'identity', logger: silent });
  while ((await relay.relayBatch()) > 0);
  await producer.disconnect();

  const received: Array<{ topic: string; message: KafkaMessage }> = [];
  const consumer = kafka.consumer({ groupId: uniqueName('identity-test') });
  await consumer.connect();
  await consumer.subscribe({ topics });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      if (keys.has(message.key?.toString() ?? '')) received.push({ topic, message });
    },
  });
  for (const { topic, offsets } of starts) {
    for (const { partition, offset } of offsets) consumer.seek({ topic, partition, offset });
  }
  const deadline = Date.now() + 30_000;
  while (received.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  await consumer.disconnect();

  const reader = new AvroSerde(stack.schemaRegistryUrl, identityEvents);
  return Promise.all(
    received.map(async ({ topic, message }) => {
      const envelope = envelopeFromHeaders(message.headers);
      const payload = (await reader.decode(envelope.eventType, message.value)) as Record<string, unknown>;
      return { topic, key: message.key!.toString(), envelope, payload };
    }),
  );
}
