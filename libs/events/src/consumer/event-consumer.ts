import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import pRetry, { AbortError } from 'p-retry';
import { MalformedEventError } from '../envelope.js';
import type { EventRegistry } from '../event-registry.js';
import type { EventsMetrics } from '../events-metrics.js';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { createOrderedProducer } from '../kafka/create-kafka.js';
import type { EventsLogger } from '../outbox/outbox-relay.js';
import type { AvroSerde } from '../serde/avro-serde.js';
import { applyBatch } from './apply-batch.js';
import { applyEvents, type ApplyContext } from './apply-events.js';
import type {
  BatchHandler,
  ConsumedRecord,
  EventHandlers,
  HandlerTransaction,
  TombstoneHandler,
  TransactionalDatabase,
} from './consumed-event.js';
import { deadLetterRecord, deadLetterTopicOf } from './dead-letter.js';
import { decodeRecords, type DecodeContext } from './decode-records.js';

export interface EventConsumerOptions<P extends object, TTx extends HandlerTransaction> {
  kafka: Kafka;
  /** Consumer group id; also the inbox's consumer name and the dead-letter topic's prefix. */
  groupId: string;
  db: TransactionalDatabase<TTx>;
  events: EventRegistry<P>;
  serde: AvroSerde;
  handlers: EventHandlers<P, TTx>;
  /** Applies tombstones (null values, e.g. a deleted aggregate on a compacted topic); without it they are skipped. */
  onTombstone?: TombstoneHandler<TTx>;
  /**
   * Applies each chunk's fresh records at once (see BatchHandler); `handlers` and `onTombstone` still say
   * what is consumed and apply the records it reports failed, one by one with retries.
   */
  batchHandler?: BatchHandler<P, TTx>;
  logger: EventsLogger;
  metrics?: EventsMetrics;
  /** Topics to read; defaults to the topics of the handled event types. */
  topics?: string[];
  /** Attempts per event before it is dead-lettered (default 5). */
  maxAttempts?: number;
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Events applied per transaction on the happy path (default 200). */
  chunkSize?: number;
  deadLetterTopic?: string;
  /** Where a new group starts: the beginning of its topics (default) or only new records. */
  fromBeginning?: boolean;
  /** Partitions applied in parallel, each in its own transactions (order holds within a partition; default 3). */
  partitionsConsumedConcurrently?: number;
  /** Group session timeout: how soon a dead member's partitions move to the others (default 30 s). */
  sessionTimeoutMs?: number;
}

/**
 * A Kafka consumer group whose handlers apply effects exactly once: each chunk of a batch is applied
 * in one database transaction together with its inbox rows. When a chunk fails, its events are
 * retried one by one with backoff; an event that still fails after `maxAttempts` goes to the group's
 * dead-letter topic and the partition moves on. With a `batchHandler`, a chunk's records are applied
 * at once and only those it reports failed take the one-by-one path.
 */
export class EventConsumer<P extends object, TTx extends HandlerTransaction> {
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  private readonly stopping = new AbortController();
  private readonly applyContext: ApplyContext<P, TTx>;
  private readonly decodeContext: DecodeContext<P, TTx>;
  private readonly deadLetterTopic: string;
  private joined: Promise<void> | null = null;

  constructor(private readonly options: EventConsumerOptions<P, TTx>) {
    this.applyContext = {
      consumer: options.groupId,
      handlers: options.handlers,
      onTombstone: options.onTombstone,
      metrics: options.metrics,
    };
    this.decodeContext = {
      group: options.groupId,
      events: options.events,
      serde: options.serde,
      handlers: options.handlers,
      metrics: options.metrics,
    };
    this.deadLetterTopic = options.deadLetterTopic ?? deadLetterTopicOf(options.groupId);
  }

  /** Joins the group and starts consuming in the background. */
  async start(): Promise<void> {
    const { kafka, groupId } = this.options;
    await ensureTopics(kafka, [{ topic: this.deadLetterTopic }]);
    this.producer = createOrderedProducer(kafka);
    await this.producer.connect();
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30_000;
    this.consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout,
      heartbeatInterval: Math.min(3000, Math.floor(sessionTimeout / 3)),
    });
    const consumer = this.consumer;
    this.joined = new Promise((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.topics(),
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  /** Resolves once the consumer has joined its group and been given partitions. */
  async joinedGroup(): Promise<void> {
    if (!this.joined) throw new Error('consumer not started');
    await this.joined;
  }

  /** Stops fetching, abandons retries in progress (those events are redelivered later) and leaves. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('consumer stopping'));
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private topics(): string[] {
    if (this.options.topics) return this.options.topics;
    const types = Object.keys(this.options.handlers) as (keyof P & string)[];
    return [...new Set(types.map((t) => this.options.events.topicOf(t)))];
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const size = this.options.chunkSize ?? 200;
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(i, i + size);
      const done = await this.applyChunk(batch.topic, batch.partition, chunk, payload);
      if (!done) return;
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
    this.options.metrics?.consumerLag.set(
      { group: this.options.groupId, topic: batch.topic, partition: String(batch.partition) },
      Number(batch.offsetLag()),
    );
    await heartbeat();
  }

  /** Returns false when the consumer is stopping and the rest of the batch must wait. */
  private async applyChunk(
    topic: string,
    partition: number,
    chunk: KafkaMessage[],
    payload: EachBatchPayload,
  ) {
    const retry = await this.applyTogether(topic, partition, chunk);
    for (const message of chunk) {
      if (!retry.has(message.offset)) continue;
      if (!payload.isRunning() || this.stopping.signal.aborted) return false;
      const applied = await this.applyOneWithRetries(topic, partition, message, payload);
      if (!applied) return false;
      payload.resolveOffset(message.offset);
      await payload.heartbeat();
    }
    payload.resolveOffset(chunk[chunk.length - 1]!.offset);
    return true;
  }

  /**
   * Applies the chunk in one transaction (through the batch handler when there is one). Returns the
   * offsets still to apply one by one: none, those the batch handler failed, or all when the chunk failed.
   */
  private async applyTogether(topic: string, partition: number, chunk: KafkaMessage[]) {
    const { batchHandler } = this.options;
    try {
      const records = await this.decodeAll(topic, partition, chunk);
      const failed = await this.options.db.transaction((tx) =>
        batchHandler
          ? applyBatch(tx, records, this.applyContext, batchHandler)
          : applyEvents(tx, records, this.applyContext).then(() => []),
      );
      if (failed.length > 0) {
        this.options.logger.warn(
          { topic, partition, failed: failed.length, records: records.length },
          'batch handler failed some events; retrying them one by one',
        );
      }
      return new Set(failed.map(offsetOf));
    } catch (error) {
      this.options.logger.warn(
        { err: error, topic, partition },
        'chunk failed; applying its events one by one',
      );
      return new Set(chunk.map((m) => m.offset));
    }
  }

  private async applyOneWithRetries(
    topic: string,
    partition: number,
    message: KafkaMessage,
    payload: EachBatchPayload,
  ): Promise<boolean> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let attempts = 0;
    try {
      await pRetry(
        async () => {
          attempts += 1;
          try {
            const events = await this.decodeAll(topic, partition, [message]);
            await this.options.db.transaction((tx) => applyEvents(tx, events, this.applyContext));
          } catch (error) {
            // Nothing retries a record that is not an event of ours; everything else gets its attempts.
            if (error instanceof MalformedEventError) throw new AbortError(error);
            throw error instanceof Error && error.name !== 'TypeError' ? error : new HandlerFailure(error);
          }
        },
        {
          retries: maxAttempts - 1,
          minTimeout: this.options.retryMinDelayMs ?? 200,
          maxTimeout: this.options.retryMaxDelayMs ?? 5000,
          randomize: true,
          signal: this.stopping.signal,
          onFailedAttempt: async ({ error, attemptNumber }) => {
            this.options.logger.warn(
              { err: error, topic, partition, offset: message.offset, attemptNumber },
              'event failed',
            );
            await payload.heartbeat();
          },
        },
      );
      return true;
    } catch (error) {
      if (this.stopping.signal.aborted) return false;
      await this.deadLetter(topic, partition, message, attempts, error);
      return true;
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    attempts: number,
    error: unknown,
  ) {
    const cause = error instanceof HandlerFailure ? error.cause : error;
    const record = deadLetterRecord({
      message,
      topic,
      partition,
      group: this.options.groupId,
      attempts,
      error: cause,
    });
    await this.producer!.send({ topic: this.deadLetterTopic, messages: [record], acks: -1 });
    this.options.metrics?.deadLettered.inc({ group: this.options.groupId, topic });
    this.options.logger.error(
      {
        err: cause,
        topic,
        partition,
        offset: message.offset,
        attempts,
        deadLetterTopic: this.deadLetterTopic,
      },
      'event dead-lettered',
    );
  }

  private decodeAll(topic: string, partition: number, messages: KafkaMessage[]) {
    return decodeRecords(this.decodeContext, topic, partition, messages);
  }
}

const offsetOf = <P extends object>(record: ConsumedRecord<P>) =>
  record.kind === 'event' ? record.event.offset : record.tombstone.offset;

/** Wraps a non-Error or TypeError throw so it is retried like any other handler failure. */
class HandlerFailure extends Error {
  override readonly name = 'HandlerFailure';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
