import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { createOrderedProducer } from '../kafka/create-kafka.js';
import { headerString } from '../envelope.js';
import { deadLetterHeaders, deadLetterTopicOf } from './dead-letter.js';
import { deadLetterRange, type PartitionRange } from './dead-letter-range.js';

export interface ReplayOptions {
  kafka: Kafka;
  /** The consumer group whose dead letters (`<group>.dlq`) are replayed. */
  group: string;
  /** Republish everything to this topic instead of each record's original topic. */
  topic?: string;
  /** Only dead letters written at or after this time. */
  since?: Date;
  /** Count what would be replayed, publish nothing. */
  dryRun?: boolean;
  /** Called with (records handled so far, total) as the replay goes. */
  onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  /** Records found in the range (and republished, unless a dry run), per target topic. */
  byTopic: Record<string, number>;
  total: number;
}

/**
 * Republishes a group's dead letters: each one's original key, value and headers (the envelope, so
 * consumers' inboxes still recognise events they did apply) go back to the original topic (or `topic`),
 * minus the dead-letter headers. Reads the dead-letter topic from `since` (or its start) to its end as
 * it was when the replay began, so records dead-lettered again meanwhile are not replayed in a loop.
 * Every consumer group of the target topic sees the records again; their inboxes absorb the ones they
 * applied before.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayResult> {
  const dlq = deadLetterTopicOf(options.group);
  const ranges = await deadLetterRange(options.kafka, dlq, options.since);
  const total = ranges.reduce((n, r) => n + (r.end - r.start), 0);
  const result: ReplayResult = { byTopic: {}, total };
  options.onProgress?.(0, total);
  if (total === 0) return result;
  const producer = options.dryRun ? null : createOrderedProducer(options.kafka);
  await producer?.connect();
  let done = 0;
  try {
    await readRanges(options.kafka, dlq, ranges, async (messages) => {
      const targets = messages.map((m) => options.topic ?? originalTopicOf(m));
      if (producer) {
        await producer.sendBatch({
          acks: -1,
          topicMessages: messages.map((m, i) => ({ topic: targets[i]!, messages: [republished(m)] })),
        });
      }
      for (const target of targets) result.byTopic[target] = (result.byTopic[target] ?? 0) + 1;
      done += messages.length;
      options.onProgress?.(done, total);
    });
  } finally {
    await producer?.disconnect();
  }
  return result;
}

function originalTopicOf(message: KafkaMessage): string {
  const topic = headerString(message.headers?.[deadLetterHeaders.topic]);
  if (!topic)
    throw new Error(`dead letter at offset ${message.offset} has no ${deadLetterHeaders.topic} header`);
  return topic;
}

const ADDED_HEADERS = new Set<string>(Object.values(deadLetterHeaders));

function republished(message: KafkaMessage) {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!ADDED_HEADERS.has(name) && value !== undefined) headers[name] = value;
  }
  return { key: message.key, value: message.value, headers };
}

/** Reads each partition from its start to its end offset with a throwaway group, in partition order. */
async function readRanges(
  kafka: Kafka,
  topic: string,
  ranges: PartitionRange[],
  onMessages: (messages: KafkaMessage[]) => Promise<void>,
): Promise<void> {
  const groupId = `dlq-replay-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const pending = new Map(ranges.filter((r) => r.end > r.start).map((r) => [r.partition, r]));
  let finish: (error?: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = pending.get(batch.partition);
        if (!range) return;
        const inRange = batch.messages.filter(
          (m) => Number(m.offset) >= range.start && Number(m.offset) < range.end,
        );
        try {
          if (inRange.length > 0) await onMessages(inRange);
        } catch (error) {
          finish(error);
          return;
        }
        if (Number(batch.lastOffset()) + 1 >= range.end) pending.delete(batch.partition);
        if (pending.size === 0) finish();
      },
    });
    for (const range of pending.values())
      consumer.seek({ topic, partition: range.partition, offset: String(range.start) });
    if (pending.size === 0) finish();
    await finished;
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
