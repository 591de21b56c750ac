// The identity process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'identity',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  zipkinEndpoint: config.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
});

const { createDatabase, runMigrations } = await import('@portfolioos/db');
const { createLogger, runService } = await import('@portfolioos/service-kit');
const { Redis } = await import('ioredis');
const { buildIdentityApp } = await import('./app.js');
const { migrationsFolder } = await import('./db/database.js');
const { KeyEncryption } = await import('./crypto/key-encryption.js');
const { SigningKeyStore } = await import('./signing-keys/service.js');
const { createServiceRelay } = await import('@portfolioos/events');
const { identityEvents } = await import('./events.js');
const { keyRefreshWorker } = await import('./signing-keys/key-refresh-worker.js');

const database = createDatabase({
  url: config.DATABASE_URL,
  poolMax: config.DATABASE_POOL_MAX,
  applicationName: 'identity',
});
await runMigrations(database.db, migrationsFolder);
const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
await redis.connect();
const keys = new SigningKeyStore(database.db, new KeyEncryption(config.SIGNING_KEY_ENCRYPTION_KEY), {
  publishRetiredForSeconds: config.ACCESS_TOKEN_TTL_SECONDS + 60,
  rotateAfterDays: config.SIGNING_KEY_ROTATION_DAYS,
});
await keys.initialize();
const relay = createServiceRelay({
  service: 'identity',
  brokers: config.KAFKA_BROKERS.split(','),
  schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
  pool: database.pool,
  events: identityEvents,
  logger: createLogger({ name: 'identity', version: '0.1.0' }, { level: config.LOG_LEVEL }),
});

await runService({
  name: 'identity',
  build: () =>
    buildIdentityApp(config, {
      db: database.db,
      redis,
      keys,
      readiness: {
        postgres: () => database.pool.query('select 1'),
        redis: () => redis.ping(),
        kafka: relay.ping,
      },
    }),
  listen: { host: config.HTTP_HOST, port: config.HTTP_PORT },
  background: [relay.worker, keyRefreshWorker(keys)],
  resources: [
    { name: 'kafka producer', close: relay.close },
    { name: 'redis', close: async () => void (await redis.quit()) },
    { name: 'postgres', close: database.close },
  ],
  telemetry,
  graceMs: config.SHUTDOWN_GRACE_MS,
  drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS,
});
