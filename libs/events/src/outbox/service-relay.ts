import type pg from 'pg';
import type { EventRegistry } from '../event-registry.js';
import type { EventsMetrics } from '../events-metrics.js';
import { checkKafka, createKafka, createOrderedProducer } from '../kafka/create-kafka.js';
import { AvroSerde } from '../serde/avro-serde.js';
import { OutboxRelay, type EventsLogger } from './outbox-relay.js';

export interface ServiceRelayOptions {
  /** Service name: the Kafka client id and the events' `source` header. */
  service: string;
  brokers: string[];
  schemaRegistryUrl: string;
  pool: pg.Pool;
  events: EventRegistry<object>;
  logger: EventsLogger;
  metrics?: EventsMetrics;
}

/** A service's outbox relay wired to Kafka: a background worker, a readiness probe and the producer's close. */
export interface ServiceRelay {
  worker: { name: string; start(): Promise<void>; stop(): Promise<void> };
  relay: OutboxRelay;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Everything a producing service needs to publish its outbox, for server.ts to hand to runService. */
export function createServiceRelay(options: ServiceRelayOptions): ServiceRelay {
  const kafka = createKafka({ clientId: options.service, brokers: options.brokers, logger: options.logger });
  const producer = createOrderedProducer(kafka);
  const relay = new OutboxRelay({
    pool: options.pool,
    producer,
    serde: new AvroSerde(options.schemaRegistryUrl, options.events),
    source: options.service,
    logger: options.logger,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return {
    worker: {
      name: 'outbox relay',
      // Returns at once: the relay connects the producer itself and retries while Kafka is down.
      start: () => relay.start(),
      stop: () => relay.stop(),
    },
    relay,
    ping: () => checkKafka(kafka),
    close: () => producer.disconnect(),
  };
}
