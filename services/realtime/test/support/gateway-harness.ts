import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  AvroSerde,
  createKafka,
  ensureTopics,
  envelopeToHeaders,
  type EventsLogger,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventPayloads, EventType } from '@portfolioos/schemas';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import type { ServiceApp } from '@portfolioos/service-kit';
import {
  createTestTokenSigner,
  createThrowawayDatabase,
  stack,
  uniqueName,
  type TestTokenSigner,
  type ThrowawayDatabase,
} from '@portfolioos/testing';
import { readConfig, type Config } from '../../src/config.js';
import { realtimeEventsReading } from '../../src/events.js';
import { realtimeService } from '../../src/runtime.js';

/** Waits until a consumer's worker has started (the runtime starts workers without waiting) and joined. */
async function joinedGroup(consumer: ServiceConsumer): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await consumer.joined();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const silent: EventsLogger = { info() {}, warn() {}, error() {} };

/** A running gateway replica (the whole runtime, as server.ts runs it) and where it listens. */
export interface Replica {
  url: string;
  app: ServiceApp;
  close(): Promise<void>;
}

/**
 * One realtime test setup: a throwaway database (the consumers' inbox), its own topics, consumer groups and
 * Redis prefix (so parallel runs never share a stream), identity's keys served as a JWKS, and a producer
 * that publishes as listings and notifications do (Avro wire format, envelope headers).
 */
export interface GatewayHarness {
  signer: TestTokenSigner;
  topics: { listings: string; notifications: string };
  /** Boots a replica; all replicas of a harness share Redis prefix, groups and database. */
  replica(options?: { consumers?: boolean; port?: number; env?: Record<string, string> }): Promise<Replica>;
  publish<T extends EventType>(
    type: T,
    key: string,
    payload: EventPayloads[T],
    eventId?: string,
  ): Promise<string>;
  close(): Promise<void>;
}

export async function createGatewayHarness(env: Record<string, string> = {}): Promise<GatewayHarness> {
  const database: ThrowawayDatabase = await createThrowawayDatabase('realtime_test');
  const signer = await createTestTokenSigner();
  const jwks = await signer.serveJwks();
  const topics = {
    listings: uniqueName('test.listings.listing'),
    notifications: uniqueName('test.notifications'),
  };
  const kafka = createKafka({ clientId: 'realtime-test', brokers: [...stack.kafkaBrokers], logger: silent });
  await ensureTopics(kafka, [
    { topic: topics.listings, numPartitions: 3 },
    { topic: topics.notifications, numPartitions: 3 },
  ]);
  const events = realtimeEventsReading(topics);
  const serde = new AvroSerde(stack.schemaRegistryUrl, events);
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const shared = {
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl,
    JWKS_URL: jwks.url,
    JWT_ISSUER: signer.issuer,
    JWT_AUDIENCE: signer.audience,
    SOCKET_IO_REDIS_PREFIX: uniqueName('realtime-test').toLowerCase(),
    LISTINGS_TOPIC: topics.listings,
    LISTINGS_GROUP_ID: uniqueName('realtime-listings-test'),
    NOTIFICATIONS_TOPIC: topics.notifications,
    NOTIFICATIONS_GROUP_ID: uniqueName('realtime-notifications-test'),
    ...env,
  };
  const replicas: Replica[] = [];

  return {
    signer,
    topics,
    async replica({ consumers = true, port = 0, env: own = {} } = {}) {
      const config: Config = readConfig({
        ...shared,
        HTTP_PORT: String(port),
        CONSUMERS_ENABLED: String(consumers),
        ...own,
      });
      const definition = realtimeService(config);
      const running = await startServiceRuntime(definition);
      await Promise.all(definition.consumerGroups().map(joinedGroup));
      const replica = { url: running.url, app: running.app, close: () => running.close() };
      replicas.push(replica);
      return replica;
    },
    async publish(type, key, payload, eventId = randomUUID()) {
      await serde.register(type);
      const value = await serde.encode(type, payload);
      const organizationId = (payload as { organization_id?: string }).organization_id ?? null;
      await producer.send({
        topic: events.topicOf(type),
        acks: -1,
        messages: [
          {
            key,
            value,
            headers: envelopeToHeaders({
              eventId,
              eventType: type,
              source: type.split('.')[1] ?? 'test',
              occurredAt: new Date(),
              organizationId,
              traceparent: null,
              tracestate: null,
            }),
          },
        ],
      });
      return eventId;
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.close().catch(() => undefined)));
      await producer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topics.listings, topics.notifications] }).catch(() => undefined);
      await admin.disconnect();
      await jwks.close();
      await database.drop();
    },
  };
}
