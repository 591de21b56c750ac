import { Kafka, logLevel, Partitioners, type LogEntry, type Producer } from 'kafkajs';
import type { EventsLogger } from '../outbox/outbox-relay.js';

/** A kafkajs client whose logs go through the service's logger instead of the console. */
export function createKafka(options: { clientId: string; brokers: string[]; logger: EventsLogger }): Kafka {
  const logCreator = () => (entry: LogEntry) => {
    const { message, ...rest } = entry.log;
    const fields = { kafka: entry.namespace, ...rest };
    if (entry.level === logLevel.ERROR) options.logger.error(fields, message);
    else if (entry.level === logLevel.WARN) options.logger.warn(fields, message);
  };
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator,
  });
}

/** Readiness probe: the cluster answers metadata requests. */
export async function checkKafka(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}

/**
 * The producer every publisher uses: idempotent with one request in flight, so retries never reorder a
 * partition; the Java-compatible (murmur2) partitioner, so keys land where other Kafka clients put them.
 */
export function createOrderedProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
