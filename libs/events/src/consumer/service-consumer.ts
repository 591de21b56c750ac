import type { EventsMetrics } from '../events-metrics.js';
import { checkKafka, createKafka } from '../kafka/create-kafka.js';
import { AvroSerde } from '../serde/avro-serde.js';
import type { HandlerTransaction } from './consumed-event.js';
import { EventConsumer, type EventConsumerOptions } from './event-consumer.js';

/** What a service says about one of its consumer groups; the Kafka client and serde are made here. */
export type ServiceConsumerOptions<P extends object, TTx extends HandlerTransaction> = Omit<
  EventConsumerOptions<P, TTx>,
  'kafka' | 'serde' | 'metrics'
> & {
  /** Kafka client id and the worker's name in logs. */
  clientId: string;
  brokers: string[];
  schemaRegistryUrl: string;
  /** Resolved at start, so server.ts can hand over the app's metrics registry once the app is built. */
  metrics?: () => EventsMetrics | undefined;
};

/** A consumer group wired for runService: a background worker, a readiness probe, and group-joined. */
export interface ServiceConsumer {
  worker: { name: string; start(): Promise<void>; stop(): Promise<void> };
  ping(): Promise<void>;
  /** Resolves once the group has been joined (tests wait for it before producing). */
  joined(): Promise<void>;
}

/** Everything a consuming service needs to run one consumer group, for server.ts to hand to runService. */
export function createServiceConsumer<P extends object, TTx extends HandlerTransaction>(
  options: ServiceConsumerOptions<P, TTx>,
): ServiceConsumer {
  const { clientId, brokers, schemaRegistryUrl, metrics, ...consumerOptions } = options;
  const kafka = createKafka({ clientId, brokers, logger: options.logger });
  let consumer: EventConsumer<P, TTx> | null = null;
  return {
    worker: {
      name: `${clientId} consumer`,
      start: async () => {
        consumer = new EventConsumer<P, TTx>({
          ...consumerOptions,
          kafka,
          serde: new AvroSerde(schemaRegistryUrl, options.events),
          metrics: metrics?.(),
        });
        await consumer.start();
      },
      stop: async () => {
        await consumer?.stop();
      },
    },
    ping: () => checkKafka(kafka),
    joined: async () => {
      if (!consumer) throw new Error(`${clientId} consumer not started`);
      await consumer.joinedGroup();
    },
  };
}
