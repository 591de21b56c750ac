import type pg from 'pg';
import { AvroSerde, checkKafka, createKafka, OutboxRelay, type EventsLogger } from '@portfolioos/events';
import type { BackgroundWorker } from '@portfolioos/service-kit';
import type { Config } from './config.js';
import { listingsEvents } from './events.js';

export interface EventsRelay {
  worker: BackgroundWorker;
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

const consoleLogger: EventsLogger = {
  info: (obj, msg) => console.info(JSON.stringify({ level: 'info', msg, ...obj })),
  warn: (obj, msg) => console.warn(JSON.stringify({ level: 'warn', msg, ...obj })),
  error: (obj, msg) => console.error(JSON.stringify({ level: 'error', msg, ...obj })),
};

/** The outbox relay publishing listings.* events to Kafka, as a background worker of the service. */
export async function createEventsRelay(
  config: Config,
  pool: pg.Pool,
  logger: EventsLogger = consoleLogger,
): Promise<EventsRelay> {
  const kafka = createKafka({ clientId: 'listings', brokers: config.KAFKA_BROKERS.split(','), logger });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const relay = new OutboxRelay({
    pool,
    producer,
    serde: new AvroSerde(config.SCHEMA_REGISTRY_URL, listingsEvents),
    source: 'listings',
    logger,
  });
  return {
    worker: {
      name: 'outbox relay',
      start: async () => {
        await producer.connect();
        await relay.start();
      },
      stop: () => relay.stop(),
    },
    ping: () => checkKafka(kafka),
    close: () => producer.disconnect(),
  };
}
