import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { KafkaMessage } from 'kafkajs';
import { AvroSerde, createKafka, OutboxRelay, type EventsLogger } from '@portfolioos/events';
import { stack, uniqueName } from '@portfolioos/testing';
import { listingsEvents } from '../src/outbox.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';
import { bearer, createListing, createProperty, createUnit, publishListing } from './support/flows.js';

const silent: EventsLogger = { info: () => {}, warn: () => {}, error: () => {} };
const TOPIC = 'listings.listing';

let h: ListingsHarness;
before(async () => {
  h = await createListingsHarness();
});
after(() => h.close());

test('the relay publishes ListingSnapshots a registry-backed reader decodes, then the tombstone', async (t) => {
  const app = await h.app(t);
  const token = await h.token(randomUUID());
  const property = await createProperty(app, token);
  const unit = await createUnit(app, token, property.id);
  const listing = await createListing(app, token, unit.id);
  await publishListing(app, token, listing.id);
  await app.inject({ method: 'DELETE', url: `/v1/listings/${listing.id}`, headers: bearer(token) });

  const kafka = createKafka({
    clientId: uniqueName('listings-test'),
    brokers: stack.kafkaBrokers,
    logger: silent,
  });
  const admin = kafka.admin();
  await admin.connect();
  const start = await admin.fetchTopicOffsets(TOPIC);
  await admin.disconnect();

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const serde = new AvroSerde(stack.schemaRegistryUrl, listingsEvents);
  const relay = new OutboxRelay({ pool: h.handle.pool, producer, serde, source: 'listings', logger: silent });
  while ((await relay.relayBatch()) > 0);
  await producer.disconnect();

  const received: KafkaMessage[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('listings-test') });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key?.toString() === listing.id) received.push(message);
    },
  });
  for (const { partition, offset } of start) consumer.seek({ topic: TOPIC, partition, offset });
  const deadline = Date.now() + 30_000;
  while (received.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  await consumer.disconnect();

  assert.equal(received.length, 3, 'draft and published snapshots, then the tombstone');
  const reader = new AvroSerde(stack.schemaRegistryUrl, listingsEvents);
  const snapshots = await Promise.all(
    received.slice(0, 2).map((m) => reader.decode('portfolioos.listings.ListingSnapshot', m.value)),
  );
  assert.deepEqual(
    snapshots.map((s) => {
      const snapshot = s as { version: number; status: string; listing_id: string };
      return [snapshot.listing_id, snapshot.version, snapshot.status];
    }),
    [
      [listing.id, 1, 'DRAFT'],
      [listing.id, 2, 'ACTIVE'],
    ],
  );
  assert.equal(received[2]!.value, null, 'a tombstone has a null value');
  assert.equal(
    received[2]!.headers?.['aggregate-version']?.toString(),
    '3',
    'and the version after the last snapshot (2)',
  );
  const { rows } = await h.admin.query('select count(*)::int as n from outbox where sent_at is null');
  assert.equal(rows[0].n, 0);
});
