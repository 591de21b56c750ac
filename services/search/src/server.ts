// The search process: telemetry first, everything else imported after it (see service-kit README).
import { startTelemetry } from '@portfolioos/service-kit/telemetry';
import { readConfig } from './config.js';

const config = readConfig();
const telemetry = startTelemetry({
  serviceName: 'search',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  zipkinEndpoint: config.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
});

const { createDatabase, runMigrations } = await import('@portfolioos/db');
const { createEventsMetrics } = await import('@portfolioos/events');
const { connectRateLimitRedis, runService } = await import('@portfolioos/service-kit');
const { buildSearchApp } = await import('./app.js');
const { migrationsFolder } = await import('./db/database.js');
const { checkElasticsearch, createElasticsearch } = await import('./elasticsearch/create-elasticsearch.js');
const { consoleEventsLogger } = await import('./indexer/events-logger.js');
const { createListingsIndexer } = await import('./indexer/listings-indexer.js');
const { ensureListingsIndex } = await import('./listings-index/listings-index.js');

const database = createDatabase({
  url: config.DATABASE_URL,
  poolMax: config.DATABASE_POOL_MAX,
  applicationName: 'search',
});
await runMigrations(database.db, migrationsFolder);
const es = createElasticsearch(config.ELASTICSEARCH_URL);
await ensureListingsIndex(es, config.LISTINGS_INDEX_ALIAS);

const rateLimitRedis = connectRateLimitRedis(config.REDIS_URL);
let metrics: ReturnType<typeof createEventsMetrics> | undefined;
const indexer = createListingsIndexer({
  kafkaBrokers: config.KAFKA_BROKERS.split(','),
  schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
  listingsTopic: config.LISTINGS_TOPIC,
  groupId: config.INDEXER_GROUP_ID,
  alias: config.LISTINGS_INDEX_ALIAS,
  chunkSize: config.INDEXER_CHUNK_SIZE,
  db: database.db,
  es,
  logger: consoleEventsLogger,
  metrics: () => metrics,
});

await runService({
  name: 'search',
  build: async () => {
    const app = await buildSearchApp(config, {
      es,
      rateLimitRedis,
      readiness: {
        elasticsearch: () => checkElasticsearch(es),
        postgres: () => database.pool.query('select 1'),
        kafka: indexer.ping,
      },
    });
    metrics = createEventsMetrics(app.metrics);
    return app;
  },
  listen: { host: config.HTTP_HOST, port: config.HTTP_PORT },
  background: config.INDEXER_ENABLED ? [indexer.worker] : [],
  resources: [
    { name: 'elasticsearch', close: () => es.close() },
    { name: 'postgres', close: database.close },
    { name: 'redis', close: async () => void (await rateLimitRedis.quit()) },
  ],
  telemetry,
  graceMs: config.SHUTDOWN_GRACE_MS,
  drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS,
});
