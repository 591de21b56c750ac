import { createDatabase, runMigrations } from '@portfolioos/db';
import { createEventsMetrics, createServiceRelay, type EventsMetrics } from '@portfolioos/events';
import {
  ApiKeyCache,
  createLogger,
  optionalCheck,
  type BackgroundWorker,
  type Resource,
  type ServiceApp,
} from '@portfolioos/service-kit';
import { apiKeyRevocations } from './api-key-revocations.js';
import { kafkaReadiness } from './kafka-readiness.js';
import type {
  RuntimeConfig,
  RuntimeContext,
  ServiceDefinition,
  ServiceLogger,
} from './service-definition.js';

/** A service composed and ready to listen: its app, workers in start order, resources in open order. */
export interface ComposedService {
  app: ServiceApp;
  logger: ServiceLogger;
  background: BackgroundWorker[];
  resources: Resource[];
}

/**
 * Opens what the service runs on, in dependency order: logger, database (migrated), the service's own
 * clients and app, then the outbox relay and consumers with the app's metrics registry. Nothing here
 * connects to Kafka: the relay and consumers connect when their workers start, after listen.
 */
export async function composeService<C extends RuntimeConfig>(
  definition: ServiceDefinition<C>,
): Promise<ComposedService> {
  const { config, name } = definition;
  const logger = createLogger({ name, version: definition.version }, { level: config.LOG_LEVEL });
  const resources: Resource[] = [];
  const resource: RuntimeContext<C>['resource'] = (resourceName, value, close) => {
    resources.push({ name: resourceName, close: async () => void (await close(value)) });
    return value;
  };

  const database = createDatabase({
    url: config.DATABASE_URL,
    poolMax: config.DATABASE_POOL_MAX,
    applicationName: name,
    onIdleError: (err) => logger.warn({ err }, 'idle PostgreSQL connection failed'),
  });
  resource('postgres', database, (handle) => handle.close());
  await runMigrations(database.db, definition.migrationsFolder);

  const brokers = config.KAFKA_BROKERS.split(',').map((broker) => broker.trim());
  const probe = kafkaReadiness({ clientId: `${name}-readiness`, brokers });
  // The app owns the metrics registry, so the backbone's metrics exist only once the app is built.
  const events: { metrics?: EventsMetrics } = {};
  let apiKeys: ApiKeyCache | undefined;
  const rt: RuntimeContext<C> = {
    config,
    database,
    logger,
    readiness: {
      postgres: () => database.pool.query('select 1'),
      kafka: definition.httpNeedsKafka ? probe : optionalCheck(probe),
    },
    backbone: {
      brokers,
      schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
      logger,
      metrics: () => events.metrics,
    },
    resource,
    apiKeyCache: () => (apiKeys ??= new ApiKeyCache()),
  };

  const app = await definition.build(rt);
  const metrics = createEventsMetrics(app.metrics);
  events.metrics = metrics;
  const background: BackgroundWorker[] = [];
  if (definition.publishes) {
    const relay = createServiceRelay({
      service: name,
      brokers,
      schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
      pool: database.pool,
      events: definition.publishes,
      logger,
      metrics,
    });
    background.push(relay.worker);
    resource('kafka producer', relay, (r) => r.close());
  }
  // After the relay: stopped in reverse, consumers leave their groups before the relay stops.
  for (const consumer of definition.consumers?.(rt) ?? []) background.push(consumer.worker);
  if (apiKeys) background.push(apiKeyRevocations({ service: name, brokers, logger, cache: apiKeys }));
  background.push(...(definition.workers?.(rt) ?? []));
  return { app, logger, background, resources };
}
