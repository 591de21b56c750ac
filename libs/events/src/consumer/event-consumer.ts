import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { applyBatch } from './apply-batch.js';
import { applyEvents, type ApplyContext } from './apply-events.js';
import { applyStatement } from './apply-statement.js';
import type { ConsumedRecord, HandlerTransaction } from './consumed-event.js';
import { deadLetterRecord, deadLetterTopicOf } from '../dead-letters/dead-letter.js';
import { decodeRecords, type DecodeContext } from './decode-records.js';
import type { EventConsumerOptions } from './event-consumer-options.js';
import { classifyFailure } from './failure-kind.js';
import { connectGroup, type GroupClients } from './group-connection.js';
import { PartitionOutages } from './partition-outages.js';
import { applyWithRetries, type RecordOutcome } from './record-retries.js';

export type { EventConsumerOptions } from './event-consumer-options.js';

/**
 * A Kafka consumer group whose handlers apply effects exactly once: each chunk of a batch is applied
 * in one database transaction together with its inbox rows. When a chunk fails, its events are
 * retried one by one with backoff; an event that still fails after `maxAttempts` goes to the group's
 * dead-letter topic and the partition moves on. With a `batchHandler`, a chunk's records are applied
 * at once and only those it reports failed take the one-by-one path; with a `statementHandler`, a chunk is
 * one statement (effects and inbox rows together). A failure of a dependency
 * (classifyFailure) is never the event's: the partition pauses and retries until the dependency is back.
 */
export class EventConsumer<P extends object, TTx extends HandlerTransaction> {
  private clients: GroupClients | null = null;
  private connecting: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  private readonly applyContext: ApplyContext<P, TTx>;
  private readonly decodeContext: DecodeContext<P, TTx>;
  private readonly deadLetterTopic: string;
  private readonly joined: Promise<void>;
  private markJoined: () => void = () => {};
  private readonly outages: PartitionOutages;

  constructor(private readonly options: EventConsumerOptions<P, TTx>) {
    if (options.batchHandler && options.statementHandler) {
      throw new Error('a consumer takes a batchHandler or a statementHandler, not both');
    }
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
    this.joined = new Promise((resolve) => (this.markJoined = resolve));
    this.outages = new PartitionOutages({
      group: options.groupId,
      minDelayMs: options.outageMinDelayMs ?? 1000,
      maxDelayMs: options.outageMaxDelayMs ?? 30_000,
      logger: options.logger,
      metrics: options.metrics,
    });
  }

  /**
   * Starts joining the group and consuming in the background, and returns at once: while Kafka is
   * unreachable the consumer keeps retrying with backoff. `joinedGroup()` says when it is in.
   */
  async start(): Promise<void> {
    this.connecting ??= this.connect();
  }

  /** Resolves once the consumer has joined its group and been given partitions. */
  async joinedGroup(): Promise<void> {
    if (!this.connecting) throw new Error('consumer not started');
    await this.joined;
  }

  /** Stops fetching, abandons retries in progress (those events are redelivered later) and leaves. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('consumer stopping'));
    this.outages.cancel();
    await this.connecting;
    await this.clients?.consumer.disconnect();
    await this.clients?.producer.disconnect();
  }

  private async connect(): Promise<void> {
    const sessionTimeoutMs = this.options.sessionTimeoutMs ?? 30_000;
    this.clients = await connectGroup(
      {
        kafka: this.options.kafka,
        groupId: this.options.groupId,
        topics: this.topics(),
        deadLetterTopic: this.deadLetterTopic,
        fromBeginning: this.options.fromBeginning ?? true,
        sessionTimeoutMs,
        logger: this.options.logger,
        minDelayMs: this.options.outageMinDelayMs ?? 1000,
        maxDelayMs: this.options.outageMaxDelayMs ?? 30_000,
        signal: this.stopping.signal,
        onJoin: () => this.markJoined(),
        run: {
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
          eachBatch: (payload) => this.eachBatch(payload),
        },
      },
      (lost) => this.rebuild(lost),
    );
  }

  // kafkajs gave up on the consumer (a crash it does not restart from): leave and join again.
  private rebuild(lost: GroupClients): void {
    if (this.clients !== lost) return;
    this.options.logger.error({ group: this.options.groupId }, 'consumer crashed; rejoining the group');
    this.clients = null;
    this.connecting = (async () => {
      await Promise.allSettled([lost.consumer.disconnect(), lost.producer.disconnect()]);
      await this.connect();
    })();
  }

  private topics(): string[] {
    if (this.options.topics) return this.options.topics;
    const types = Object.keys(this.options.handlers) as (keyof P & string)[];
    return [...new Set(types.map((t) => this.options.events.topicOf(t)))];
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const size = this.options.chunkSize ?? 200;
    const chunks: KafkaMessage[][] = [];
    for (let i = 0; i < batch.messages.length; i += size) chunks.push(batch.messages.slice(i, i + size));
    // Decoding is CPU work and applying mostly waits on the database: the next chunk is decoded while
    // the current one's transaction runs, so decoding leaves the critical path.
    let next = chunks.length > 0 ? this.decodeAhead(batch.topic, batch.partition, chunks[0]!) : null;
    for (const [i, chunk] of chunks.entries()) {
      if (!isRunning() || isStale()) return;
      const decoded = await next!;
      next = i + 1 < chunks.length ? this.decodeAhead(batch.topic, batch.partition, chunks[i + 1]!) : null;
      const outcome = await this.applyChunk(batch.topic, batch.partition, chunk, decoded, payload);
      if (outcome.kind === 'stopping') return;
      if (outcome.kind === 'outage') return this.outages.pause(payload, outcome.error);
      this.outages.recovered(batch.topic, batch.partition);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
    this.options.metrics?.consumerLag.set(
      { group: this.options.groupId, topic: batch.topic, partition: String(batch.partition) },
      Number(batch.offsetLag()),
    );
    await heartbeat();
  }

  /** Decodes a chunk; never rejects (a decoding failure is handled when the chunk's turn comes). */
  private decodeAhead(topic: string, partition: number, chunk: KafkaMessage[]): Promise<Decoded<P>> {
    return this.decodeAll(topic, partition, chunk).then(
      (records) => ({ records }),
      (error: unknown) => ({ error }),
    );
  }

  private async applyChunk(
    topic: string,
    partition: number,
    chunk: KafkaMessage[],
    decoded: Decoded<P>,
    payload: EachBatchPayload,
  ): Promise<Exclude<RecordOutcome, { kind: 'failed' }>> {
    const together = await this.applyTogether(topic, partition, chunk, decoded);
    if (together.kind === 'outage') return together;
    for (const message of chunk) {
      if (!together.retry.has(message.offset)) continue;
      if (!payload.isRunning() || this.stopping.signal.aborted) return { kind: 'stopping' };
      const outcome = await this.applyOne(topic, partition, message, payload);
      if (outcome.kind !== 'applied') return outcome;
      payload.resolveOffset(message.offset);
      await payload.heartbeat();
    }
    payload.resolveOffset(chunk[chunk.length - 1]!.offset);
    return { kind: 'applied' };
  }

  /**
   * Applies the chunk in one transaction (through the batch handler when there is one). Returns the
   * offsets still to apply one by one: none, those the batch handler failed, or all when the chunk
   * failed for a reason of its events; or an outage when a dependency failed.
   */
  private async applyTogether(topic: string, partition: number, chunk: KafkaMessage[], decoded: Decoded<P>) {
    const { batchHandler, statementHandler, db } = this.options;
    try {
      if ('error' in decoded) throw decoded.error;
      const { records } = decoded;
      const failed = statementHandler
        ? await applyStatement(db, records, this.applyContext, statementHandler).then(() => [])
        : await db.transaction((tx) =>
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
      return { kind: 'retry' as const, retry: new Set(failed.map(offsetOf)) };
    } catch (error) {
      if (classifyFailure(error) === 'infrastructure') return { kind: 'outage' as const, error };
      this.options.logger.warn(
        { err: error, topic, partition },
        'chunk failed; applying its events one by one',
      );
      return { kind: 'retry' as const, retry: new Set(chunk.map((m) => m.offset)) };
    }
  }

  /** One record alone, with retries; dead-lettered when its own failures run out of attempts. */
  private async applyOne(
    topic: string,
    partition: number,
    message: KafkaMessage,
    payload: EachBatchPayload,
  ): Promise<Exclude<RecordOutcome, { kind: 'failed' }>> {
    const outcome = await applyWithRetries(
      topic,
      partition,
      message,
      async (m) => {
        const events = await this.decodeAll(topic, partition, [m]);
        await this.options.db.transaction((tx) => applyEvents(tx, events, this.applyContext));
      },
      {
        maxAttempts: this.options.maxAttempts ?? 5,
        minDelayMs: this.options.retryMinDelayMs ?? 200,
        maxDelayMs: this.options.retryMaxDelayMs ?? 5000,
        signal: this.stopping.signal,
        logger: this.options.logger,
        heartbeat: () => payload.heartbeat(),
      },
    );
    if (outcome.kind !== 'failed') return outcome;
    try {
      await this.deadLetter(topic, partition, message, outcome.attempts, outcome.error);
      return { kind: 'applied' };
    } catch (error) {
      // Kafka refused the dead letter: the record must not be skipped, so wait as for any outage.
      return { kind: 'outage', error };
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    attempts: number,
    error: unknown,
  ) {
    const record = deadLetterRecord({
      message,
      topic,
      partition,
      group: this.options.groupId,
      attempts,
      error,
    });
    await this.clients!.producer.send({ topic: this.deadLetterTopic, messages: [record], acks: -1 });
    this.options.metrics?.deadLettered.inc({ group: this.options.groupId, topic });
    this.options.logger.error(
      {
        err: error,
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

type Decoded<P extends object> = { records: ConsumedRecord<P>[] } | { error: unknown };

const offsetOf = <P extends object>(record: ConsumedRecord<P>) =>
  record.kind === 'event' ? record.event.offset : record.tombstone.offset;
