// Indexer throughput: produces N listing snapshots to a fresh 3-partition topic, then starts the indexer
// and times how long it takes to apply them all (every event's inbox row committed, i.e. its ES write
// done). Not part of `npm test` (machine-dependent); run with
//   node --conditions=@portfolioos/source --import tsx test/indexer-throughput.bench.ts [count] [chunk size] [per-event]
// `per-event` runs the same consumer without the batch handler: one Elasticsearch request per event,
// as the indexer did before bulk writes.
import { randomUUID } from 'node:crypto';
import { AvroSerde, createKafka, envelopeToHeaders, EventConsumer } from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { SearchTx } from '../src/db/database.js';
import { listingTombstones, searchSubscriptions } from '../src/events.js';
import { ListingWriter } from '../src/listings-index/listing-writer.js';
import { stack } from '@portfolioos/testing';
import { LISTING_SNAPSHOT, searchEvents } from '../src/events.js';
import { createListingsIndexer } from '../src/indexer/listings-indexer.js';
import { createSearchHarness, silentLogger, type SearchHarness } from './support/harness.js';
import { listingSnapshot, seededRandom } from './support/listing-fixtures.js';

const count = Number(process.argv[2] ?? 20_000);
const chunkSize = process.argv[3] ? Number(process.argv[3]) : undefined;
const perEvent = process.argv[4] === 'per-event';
const SEND_BATCH = 1000;

async function produce(h: SearchHarness): Promise<void> {
  const kafka = createKafka({ clientId: 'bench', brokers: [...stack.kafkaBrokers], logger: silentLogger });
  const serde = new AvroSerde(h.config.SCHEMA_REGISTRY_URL, searchEvents(h.topic));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const random = seededRandom(7);
  for (let sent = 0; sent < count; sent += SEND_BATCH) {
    const messages = [];
    for (let i = sent; i < Math.min(count, sent + SEND_BATCH); i++) {
      const snapshot = listingSnapshot({
        location: { lat: 30 + random(), lng: -98 + random() },
        bedrooms: Math.floor(random() * 5),
      });
      const headers = envelopeToHeaders({
        eventId: randomUUID(),
        eventType: LISTING_SNAPSHOT,
        source: 'bench',
        occurredAt: new Date(),
        organizationId: snapshot.organization_id,
        traceparent: null,
        tracestate: null,
      });
      messages.push({
        key: snapshot.listing_id,
        value: await serde.encode(LISTING_SNAPSHOT, snapshot),
        headers,
      });
    }
    await producer.send({ topic: h.topic, acks: -1, messages });
  }
  await producer.disconnect();
}

async function applied(h: SearchHarness): Promise<number> {
  const { rows } = await h.handle.pool.query<{ n: number }>('select count(*)::int as n from inbox');
  return rows[0]!.n;
}

function bulkIndexer(h: SearchHarness) {
  const indexer = createListingsIndexer({
    kafkaBrokers: [...stack.kafkaBrokers],
    schemaRegistryUrl: h.config.SCHEMA_REGISTRY_URL,
    listingsTopic: h.topic,
    groupId: h.config.INDEXER_GROUP_ID,
    alias: h.alias,
    chunkSize,
    db: h.handle.db,
    es: h.es,
    logger: silentLogger,
  });
  return { start: indexer.worker.start, stop: indexer.worker.stop, joined: indexer.joined };
}

function perEventIndexer(h: SearchHarness) {
  const writer = new ListingWriter(h.es, h.alias);
  const events = searchEvents(h.topic);
  const consumer = new EventConsumer<EventPayloads, SearchTx>({
    kafka: createKafka({ clientId: 'bench', brokers: [...stack.kafkaBrokers], logger: silentLogger }),
    groupId: h.config.INDEXER_GROUP_ID,
    db: h.handle.db,
    events,
    serde: new AvroSerde(h.config.SCHEMA_REGISTRY_URL, events),
    handlers: searchSubscriptions(writer),
    onTombstone: listingTombstones(writer),
    logger: silentLogger,
    topics: [h.topic],
    chunkSize,
  });
  return { start: () => consumer.start(), stop: () => consumer.stop(), joined: () => consumer.joinedGroup() };
}

const h = await createSearchHarness({ indexer: false });
try {
  await produce(h);
  const indexer = perEvent ? perEventIndexer(h) : bulkIndexer(h);
  await indexer.start();
  await indexer.joined();
  const started = performance.now();
  while ((await applied(h)) < count) await new Promise((r) => setTimeout(r, 50));
  const seconds = (performance.now() - started) / 1000;
  await indexer.stop();
  await h.refresh();
  const docs = (await h.es.count({ index: h.alias })).count;
  console.info(
    `${count} snapshots indexed in ${seconds.toFixed(1)} s = ${Math.round(count / seconds)} events/s (${docs} docs)`,
  );
} finally {
  await h.close();
}
