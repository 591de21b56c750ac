import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  AvroSerde,
  createKafka,
  deadLetterTopicOf,
  envelopeToHeaders,
  ensureTopics,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import { remoteJwks, type ServiceApp } from '@portfolioos/service-kit';
import { createIdentityHarness, type IdentityHarness } from '@portfolioos/identity/testing';
import { createTcpProxy, stack, uniqueName, type TcpProxy } from '@portfolioos/testing';
import { buildNotificationsApp } from '../../src/app.js';
import { readConfig, type Config } from '../../src/config.js';
import { createEventsConsumer } from '../../src/consumers/events-consumer.js';
import { deliveryDepsFromConfig } from '../../src/delivery/delivery-deps.js';
import { deliveryWorker } from '../../src/delivery/delivery-worker.js';
import { CONSUMED_TOPICS, consumedEventsReading } from '../../src/events.js';
import { createNotificationsHarness, type NotificationsHarness } from './harness.js';

const silent = { info() {}, warn() {}, error() {} };

/**
 * The whole path on the real stack: a real identity (its harness, listening, with the internal token),
 * its outbox forwarded onto this run's own topics, this service's consumer and delivery worker, and the
 * SendGrid stand-in behind a TCP proxy the test can cut.
 */
export interface Pipeline {
  h: NotificationsHarness;
  identity: IdentityHarness;
  identityApp: ServiceApp;
  identityUrl: string;
  config: Config;
  sendgridProxy: TcpProxy;
  /** The notifications app, verifying identity's real tokens against identity's JWKS. */
  app: ServiceApp;
  /** Publishes identity's unsent outbox rows onto this run's topics (as its relay would), in order. */
  forwardIdentityEvents(): Promise<void>;
  /** Resolves once this service's consumer group has applied everything published on `topic` so far. */
  awaitConsumed(catalogTopic: string): Promise<void>;
  /** Publishes one event (twice: a redelivery) onto this run's topics. */
  send<T extends keyof EventPayloads>(
    type: T,
    key: string,
    orgId: string,
    payload: EventPayloads[T],
    eventId?: string,
  ): Promise<string>;
  close(): Promise<void>;
}

export async function createPipeline(): Promise<Pipeline> {
  const internalToken = randomBytes(32).toString('base64');
  const identity = await createIdentityHarness({ INTERNAL_API_TOKEN: internalToken });
  // Closed by close(), not by a test's `after`: the pipeline outlives each test of its file.
  const identityApp = await identity.app({ after: () => undefined });
  const identityUrl = await identityApp.listen({ host: '127.0.0.1', port: 0 });
  const h = await createNotificationsHarness();
  const sendgridProxy = await createTcpProxy({
    host: '127.0.0.1',
    port: Number(new URL(stack.sendgridUrl).port),
  });
  await sendgridProxy.open();
  const prefix = `${uniqueName('test-notify')}.`;
  const config = readConfig({
    DATABASE_URL: h.database.url,
    LOG_LEVEL: 'silent',
    JWT_ISSUER: identity.config.JWT_ISSUER,
    JWT_AUDIENCE: identity.config.JWT_AUDIENCE,
    JWKS_URL: `${identityUrl}/.well-known/jwks.json`,
    TOPIC_PREFIX: prefix,
    EVENTS_GROUP_ID: uniqueName('notifications-events-test'),
    IDENTITY_INTERNAL_URL: identityUrl,
    INTERNAL_API_TOKEN: internalToken,
    SENDGRID_API_BASE_URL: `http://127.0.0.1:${sendgridProxy.port}`,
    TWILIO_API_BASE_URL: stack.twilioUrl,
    DELIVERY_POLL_MS: '25',
    DELIVERY_RETRY_MIN_MS: '50',
    DELIVERY_RETRY_MAX_MS: '200',
    DELIVERY_MAX_ATTEMPTS: '3',
    UNSUBSCRIBE_SIGNING_SECRET: randomBytes(32).toString('base64'),
  });
  const kafka = createKafka({
    clientId: 'notifications-test',
    brokers: [...stack.kafkaBrokers],
    logger: silent,
  });
  const events = consumedEventsReading(prefix);
  const topics = CONSUMED_TOPICS.map((topic) => `${prefix}${topic}`);
  await ensureTopics(
    kafka,
    topics.map((topic) => ({ topic })),
  );
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const serde = new AvroSerde(stack.schemaRegistryUrl, events);
  const consumer = createEventsConsumer({
    brokers: [...stack.kafkaBrokers],
    schemaRegistryUrl: stack.schemaRegistryUrl,
    topicPrefix: prefix,
    groupId: config.EVENTS_GROUP_ID,
    db: h.handle.db,
    settings: { publicBaseUrl: config.PUBLIC_BASE_URL, maxEventAgeMs: 3_600_000 },
    logger: silent,
  });
  const worker = deliveryWorker(deliveryDepsFromConfig(config, h.handle.db), {
    pollMs: config.DELIVERY_POLL_MS,
    claimMs: 5_000,
    logger: silent,
  });
  await consumer.worker.start();
  await worker.start();
  const app = await buildNotificationsApp(config, {
    db: h.handle.db,
    verificationKeys: remoteJwks(config.JWKS_URL),
    logger: false,
  });
  await app.ready();
  const identityDb = new pg.Pool({ connectionString: identity.database.adminUrl, max: 1 });
  let forwardedUpTo = 0;

  async function send<T extends keyof EventPayloads>(
    type: T,
    key: string,
    orgId: string,
    payload: EventPayloads[T],
    eventId: string = crypto.randomUUID(),
  ) {
    await serde.register(type);
    const headers = envelopeToHeaders({
      eventId,
      eventType: type,
      source: type.split('.')[1]!,
      occurredAt: new Date((payload as { occurred_at: number }).occurred_at),
      organizationId: orgId,
      traceparent: null,
      tracestate: null,
    });
    const message = { key, value: await serde.encode(type, payload), headers };
    // Twice: a redelivery, which must change nothing.
    await producer.send({ topic: events.topicOf(type), acks: -1, messages: [message, message] });
    return eventId;
  }

  return {
    h,
    identity,
    identityApp,
    identityUrl,
    config,
    sendgridProxy,
    app,
    send,
    async forwardIdentityEvents() {
      const { rows } = await identityDb.query<{
        id: string;
        event_id: string;
        event_type: keyof EventPayloads;
        key: string;
        organization_id: string;
        payload: EventPayloads[keyof EventPayloads];
      }>(
        'select id, event_id, event_type, key, organization_id, payload from outbox where id > $1 order by id',
        [forwardedUpTo],
      );
      for (const row of rows) {
        forwardedUpTo = Number(row.id);
        if (!events.has(row.event_type) || !topics.includes(events.topicOf(row.event_type))) continue;
        await send(row.event_type, row.key, row.organization_id, row.payload, row.event_id);
      }
    },
    async awaitConsumed(catalogTopic) {
      const topic = `${prefix}${catalogTopic}`;
      const admin = kafka.admin();
      await admin.connect();
      try {
        const ends = await admin.fetchTopicOffsets(topic);
        for (;;) {
          const [committed] = await admin.fetchOffsets({ groupId: config.EVENTS_GROUP_ID, topics: [topic] });
          const behind = ends.some((end) => {
            const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
            return Number(end.high) > 0 && Number(at) < Number(end.high);
          });
          if (!behind) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await admin.disconnect();
      }
    },
    async close() {
      await app.close();
      await worker.stop();
      await consumer.worker.stop();
      await producer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin
        .deleteTopics({ topics: [...topics, deadLetterTopicOf(config.EVENTS_GROUP_ID)] })
        .catch(() => undefined);
      await admin.disconnect();
      await sendgridProxy.cut();
      await identityDb.end();
      await h.close();
      await identityApp.close();
      await identity.close();
    },
  };
}
