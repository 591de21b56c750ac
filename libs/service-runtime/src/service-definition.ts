import type { DatabaseHandle } from '@portfolioos/db';
import type { EventRegistry, EventsLogger, EventsMetrics, ServiceConsumer } from '@portfolioos/events';
import type {
  ApiKeyCache,
  BackgroundWorker,
  createLogger,
  ReadinessChecks,
  ServiceApp,
} from '@portfolioos/service-kit';

/** The config fields the runtime reads: baseConfigFields and eventBackboneConfigFields provide them. */
export interface RuntimeConfig {
  HTTP_HOST: string;
  HTTP_PORT: number;
  LOG_LEVEL: string;
  DATABASE_URL: string;
  DATABASE_POOL_MAX: number;
  KAFKA_BROKERS: string;
  SCHEMA_REGISTRY_URL: string;
  SHUTDOWN_GRACE_MS: number;
  SHUTDOWN_DRAIN_DELAY_MS: number;
}

/** The process's one logger: pino JSON, shared by the app and the Kafka clients. */
export type ServiceLogger = ReturnType<typeof createLogger>;

/** What a consumer group needs from the event backbone (createServiceConsumer's infrastructure options). */
export interface EventBackbone {
  brokers: string[];
  schemaRegistryUrl: string;
  logger: EventsLogger;
  /** The app's event metrics; resolved when a consumer starts, after the app is built. */
  metrics: () => EventsMetrics | undefined;
}

/** What the runtime has opened for the service by the time it builds its app. */
export interface RuntimeContext<C extends RuntimeConfig> {
  config: C;
  /** The service's database, migrated. */
  database: DatabaseHandle<Record<string, never>>;
  logger: ServiceLogger;
  /** postgres (hard) and kafka (optional unless httpNeedsKafka): spread into buildApp's readiness. */
  readiness: ReadinessChecks;
  backbone: EventBackbone;
  /** Registers a client the service opened, closed after the workers stop (last registered, first closed). */
  resource<T>(name: string, value: T, close: (value: T) => Promise<unknown>): T;
  /**
   * The process's cache of partner API key answers (for partnerApiKeys), kept true by a revocation
   * listener the runtime starts beside the service's consumers once this is called.
   */
  apiKeyCache(): ApiKeyCache;
}

/** One service as its process runs it; `services/<name>/src/runtime.ts` declares it, server.ts runs it. */
export interface ServiceDefinition<C extends RuntimeConfig> {
  name: string;
  version: string;
  config: C;
  /** The committed drizzle-kit migrations, applied before anything else. */
  migrationsFolder: string;
  /** The events the service publishes (outbox.ts): the runtime relays its outbox with them. */
  publishes?: EventRegistry<object>;
  /**
   * Whether HTTP needs Kafka (default false). With the outbox in PostgreSQL nothing served over HTTP
   * waits on Kafka, so a Kafka outage reads `degraded` on /readyz and the service stays in rotation.
   */
  httpNeedsKafka?: boolean;
  /** Opens the service's own clients (registering each with `rt.resource`) and builds its app. */
  build(rt: RuntimeContext<C>): Promise<ServiceApp>;
  /** The service's consumer groups (declared in events.ts); started after the relay, stopped before it. */
  consumers?(rt: RuntimeContext<C>): ServiceConsumer[];
  /** Other background work (e.g. signing-key refresh). */
  workers?(rt: RuntimeContext<C>): BackgroundWorker[];
}
