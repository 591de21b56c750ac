import type { Consumer, ConsumerRunConfig, Kafka, Producer } from 'kafkajs';
import { backoffDelay, pause } from '../backoff.js';
import { refusingAfterStop } from './after-stop.js';
import { createOrderedProducer } from '../kafka/create-kafka.js';
import { ensureTopics } from '../kafka/ensure-topics.js';
import type { EventsLogger } from '../outbox/outbox-relay.js';

export interface GroupConnectionOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  fromBeginning: boolean;
  sessionTimeoutMs: number;
  logger: EventsLogger;
  /** Backoff between connection attempts while Kafka is unreachable. */
  minDelayMs: number;
  maxDelayMs: number;
  signal: AbortSignal;
  onJoin(): void;
  run: ConsumerRunConfig;
}

/** The live Kafka clients of a consumer group; replaced when kafkajs gives up on a crashed consumer. */
export interface GroupClients {
  consumer: Consumer;
  producer: Producer;
}

/**
 * Joins the group, retrying with backoff for as long as Kafka is unreachable (a service boots while
 * Kafka is down and starts consuming when it returns). Resolves with the running clients, or null once
 * `signal` aborts. A consumer that crashes beyond kafkajs' own restart is rebuilt through `onLost`.
 */
export async function connectGroup(
  options: GroupConnectionOptions,
  onLost: (clients: GroupClients) => void,
): Promise<GroupClients | null> {
  for (let attempt = 0; !options.signal.aborted; attempt++) {
    const producer = createOrderedProducer(options.kafka);
    const consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, Math.floor(options.sessionTimeoutMs / 3)),
      // While every partition of this member is paused (an outage), kafkajs sleeps this long between
      // fetch rounds; its 5 s default would delay the resume after the dependency returns by as much.
      maxWaitTimeInMs: 1000,
      // A crash after stop() must not restart the consumer behind our back (see refusingAfterStop).
      retry: { retries: 5, restartOnFailure: async () => !options.signal.aborted },
    });
    try {
      await ensureTopics(options.kafka, [{ topic: options.deadLetterTopic }]);
      await producer.connect();
      consumer.on(consumer.events.GROUP_JOIN, () => options.onJoin());
      const clients = { consumer, producer };
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart && !options.signal.aborted) onLost(clients);
      });
      await consumer.connect();
      await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
      const { eachBatch } = options.run;
      await consumer.run({
        ...options.run,
        ...(eachBatch
          ? { eachBatch: refusingAfterStop(eachBatch, options.signal, () => consumer.disconnect()) }
          : {}),
      });
      return clients;
    } catch (error) {
      await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
      const retryInMs = backoffDelay(attempt, options.minDelayMs, options.maxDelayMs);
      options.logger.warn(
        { err: error, group: options.groupId, attempt: attempt + 1, retryInMs },
        'Kafka unavailable; the consumer group joins when it returns',
      );
      await pause(retryInMs, options.signal);
    }
  }
  return null;
}
