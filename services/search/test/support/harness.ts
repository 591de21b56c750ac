import type { Client } from '@elastic/elasticsearch';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createDatabase, runMigrations, type DatabaseHandle } from '@portfolioos/db';
import {
  AvroSerde,
  createKafka,
  deadLetterTopicOf,
  envelopeToHeaders,
  ensureTopics,
  type EventsLogger,
} from '@portfolioos/events';
import type { ListingSnapshot } from '@portfolioos/schemas';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createThrowawayDatabase, stack, uniqueName, type ThrowawayDatabase } from '@portfolioos/testing';
import { buildSearchApp } from '../../src/app.js';
import { readConfig, type Config } from '../../src/config.js';
import { migrationsFolder } from '../../src/db/database.js';
import { createElasticsearch } from '../../src/elasticsearch/create-elasticsearch.js';
import { LISTING_SNAPSHOT, searchEvents } from '../../src/events.js';
import { createListingsIndexer, type ListingsIndexer } from '../../src/indexer/listings-indexer.js';
import { ensureListingsIndex } from '../../src/listings-index/listings-index.js';

export const silentLogger: EventsLogger = { info() {}, warn() {}, error() {} };

/** One search test setup: its own database, alias (+ index), topic, group, producer and app. */
export interface SearchHarness {
  config: Config;
  database: ThrowawayDatabase;
  handle: DatabaseHandle<Record<string, never>>;
  es: Client;
  alias: string;
  topic: string;
  app: ServiceApp;
  indexer: ListingsIndexer | null;
  /** Publishes a snapshot as the listings relay would (Avro wire format + envelope headers). */
  publish(snapshot: ListingSnapshot, options?: { eventId?: string; partition?: number }): Promise<string>;
  /** Publishes snapshots in one produce request, so the indexer reads them in one batch. */
  publishMany(snapshots: ListingSnapshot[], options?: { partition?: number }): Promise<void>;
  /** Publishes a tombstone for the listing (null value, envelope headers). */
  /** A tombstone; with `version`, as the listings outbox writes it (the aggregate-version header). */
  publishTombstone(listingId: string, options?: { partition?: number; version?: number }): Promise<void>;
  /** Waits until the index holds this version of the listing (or, with null, no document), then refreshes. */
  waitForVersion(listingId: string, version: number | null): Promise<void>;
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export async function createSearchHarness(options: {
  indexer: boolean;
  /** Settings over the test defaults (e.g. a small point-in-time budget). */
  env?: Record<string, string>;
}): Promise<SearchHarness> {
  const database = await createThrowawayDatabase('search_test');
  const handle = createDatabase({ url: database.url, poolMax: 5, applicationName: 'search-test' });
  await runMigrations(handle.db, migrationsFolder);
  const alias = uniqueName('listings-test');
  const topic = uniqueName('test.listings.listing');
  const config = readConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    ELASTICSEARCH_URL: stack.elasticsearchUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl,
    LISTINGS_INDEX_ALIAS: alias,
    LISTINGS_TOPIC: topic,
    INDEXER_GROUP_ID: uniqueName('search-indexer-test'),
    ...options.env,
  });
  const es = createElasticsearch(config.ELASTICSEARCH_URL);
  await ensureListingsIndex(es, alias);

  const kafka = createKafka({
    clientId: 'search-test',
    brokers: [...stack.kafkaBrokers],
    logger: silentLogger,
  });
  await ensureTopics(kafka, [
    { topic, numPartitions: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
  ]);
  const events = searchEvents(topic);
  const serde = new AvroSerde(config.SCHEMA_REGISTRY_URL, events);
  await serde.register(LISTING_SNAPSHOT);
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();

  const indexer = options.indexer
    ? createListingsIndexer({
        kafkaBrokers: [...stack.kafkaBrokers],
        schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
        listingsTopic: topic,
        groupId: config.INDEXER_GROUP_ID,
        alias,
        chunkSize: config.INDEXER_CHUNK_SIZE,
        db: handle.db,
        es,
        logger: silentLogger,
      })
    : null;
  if (indexer) {
    await indexer.worker.start();
    await indexer.joined();
  }
  const app = await buildSearchApp(config, { es, logger: false });
  await app.ready();

  const headers = (eventId: string, organizationId: string | null) =>
    envelopeToHeaders({
      eventId,
      eventType: LISTING_SNAPSHOT,
      source: 'listings',
      occurredAt: new Date(),
      organizationId,
      traceparent: null,
      tracestate: null,
    });
  const refresh = async () => void (await es.indices.refresh({ index: alias }));

  return {
    config,
    database,
    handle,
    es,
    alias,
    topic,
    app,
    indexer,
    async publish(snapshot, { eventId = randomUUID(), partition } = {}) {
      const value = await serde.encode(LISTING_SNAPSHOT, snapshot);
      await producer.send({
        topic,
        acks: -1,
        messages: [
          { key: snapshot.listing_id, value, headers: headers(eventId, snapshot.organization_id), partition },
        ],
      });
      return eventId;
    },
    async publishMany(snapshots, { partition } = {}) {
      const messages = await Promise.all(
        snapshots.map(async (snapshot) => ({
          key: snapshot.listing_id,
          value: await serde.encode(LISTING_SNAPSHOT, snapshot),
          headers: headers(randomUUID(), snapshot.organization_id),
          partition,
        })),
      );
      await producer.send({ topic, acks: -1, messages });
    },
    async publishTombstone(listingId, { partition, version } = {}) {
      const envelope = { ...headers(randomUUID(), null) };
      if (version !== undefined) envelope['aggregate-version'] = String(version);
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: listingId, value: null, headers: envelope, partition }],
      });
    },
    async waitForVersion(listingId, version) {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const doc = await es.get({ index: alias, id: listingId }, { ignore: [404] });
        if (version === null ? !doc.found : doc.found && doc._version === version) return refresh();
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for listing ${listingId} at version ${version}`);
    },
    refresh,
    async close() {
      await app.close();
      await indexer?.worker.stop();
      await producer.disconnect();
      // Wildcard deletes are refused (action.destructive_requires_name): delete by name.
      const indices = Object.keys(await es.indices.get({ index: `${alias}_v*` }));
      if (indices.length > 0) await es.indices.delete({ index: indices });
      const admin = kafka.admin();
      await admin.connect();
      const dlq = deadLetterTopicOf(config.INDEXER_GROUP_ID);
      await admin.deleteTopics({ topics: [topic, dlq] }).catch(() => undefined);
      await admin.disconnect();
      await es.close();
      await handle.close();
      await database.drop();
    },
  };
}
