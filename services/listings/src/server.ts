// The listings process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'listings',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  zipkinEndpoint: config.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
});

const { createDatabase, runMigrations } = await import('@portfolioos/db');
const { connectRateLimitRedis, createLogger, runService } = await import('@portfolioos/service-kit');
const { buildListingsApp } = await import('./app.js');
const { migrationsFolder } = await import('./db/database.js');
const { createEventsMetrics, createServiceRelay } = await import('@portfolioos/events');
const { listingsEvents } = await import('./events.js');
const { createLeaseConsumer } = await import('./leasing/lease-consumer.js');

const database = createDatabase({
  url: config.DATABASE_URL,
  poolMax: config.DATABASE_POOL_MAX,
  applicationName: 'listings',
});
await runMigrations(database.db, migrationsFolder);
const logger = createLogger({ name: 'listings', version: '0.1.0' }, { level: config.LOG_LEVEL });
const relay = createServiceRelay({
  service: 'listings',
  brokers: config.KAFKA_BROKERS.split(','),
  schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
  pool: database.pool,
  events: listingsEvents,
  logger,
});
const rateLimitRedis = connectRateLimitRedis(config.REDIS_URL);
let metrics: ReturnType<typeof createEventsMetrics> | undefined;
const leasing = createLeaseConsumer({
  kafkaBrokers: config.KAFKA_BROKERS.split(','),
  schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
  leasesTopic: config.LEASES_TOPIC,
  groupId: config.LEASING_GROUP_ID,
  db: database.db,
  logger,
  metrics: () => metrics,
});

await runService({
  name: 'listings',
  build: async () => {
    const app = await buildListingsApp(config, {
      db: database.db,
      rateLimitRedis,
      readiness: {
        postgres: () => database.pool.query('select 1'),
        // The relay's producer and the leasing consumer share the brokers: one check covers both.
        kafka: relay.ping,
      },
    });
    metrics = createEventsMetrics(app.metrics);
    return app;
  },
  listen: { host: config.HTTP_HOST, port: config.HTTP_PORT },
  // Stopped in reverse: the consumer leaves its group before the relay stops.
  background: config.LEASING_CONSUMER_ENABLED ? [relay.worker, leasing.worker] : [relay.worker],
  resources: [
    { name: 'kafka producer', close: relay.close },
    { name: 'postgres', close: database.close },
    { name: 'redis', close: async () => void (await rateLimitRedis.quit()) },
  ],
  telemetry,
  graceMs: config.SHUTDOWN_GRACE_MS,
  drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS,
});
