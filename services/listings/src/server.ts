// The listings process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'listings',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});

const { createDatabase, runMigrations } = await import('@portfolioos/db');
const { createLogger, runService } = await import('@portfolioos/service-kit');
const { buildListingsApp } = await import('./app.js');
const { migrationsFolder } = await import('./db/database.js');
const { createServiceRelay } = await import('@portfolioos/events');
const { listingsEvents } = await import('./events.js');

const database = createDatabase({
  url: config.DATABASE_URL,
  poolMax: config.DATABASE_POOL_MAX,
  applicationName: 'listings',
});
await runMigrations(database.db, migrationsFolder);
const relay = createServiceRelay({
  service: 'listings',
  brokers: config.KAFKA_BROKERS.split(','),
  schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
  pool: database.pool,
  events: listingsEvents,
  logger: createLogger({ name: 'listings', version: '0.1.0' }, { level: config.LOG_LEVEL }),
});

await runService({
  name: 'listings',
  build: () =>
    buildListingsApp(config, {
      db: database.db,
      readiness: {
        postgres: () => database.pool.query('select 1'),
        kafka: relay.ping,
      },
    }),
  listen: { host: config.HTTP_HOST, port: config.HTTP_PORT },
  background: [relay.worker],
  resources: [
    { name: 'kafka producer', close: relay.close },
    { name: 'postgres', close: database.close },
  ],
  telemetry,
  graceMs: config.SHUTDOWN_GRACE_MS,
  drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS,
});
