import type { IHeaders, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** One record of the snapshot topic, as the rebuild needs it. */
export interface TopicRecord {
  key: string | null;
  value: Buffer | null;
  headers: IHeaders | undefined;
}

/** Per partition: first offset still in the log and the offset after the last record. */
export type TopicEnd = Map<number, { low: number; high: number }>;

export async function topicEnd(kafka: Kafka, topic: string): Promise<TopicEnd> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, { low: Number(o.low), high: Number(o.high) }]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads every partition from `from` (or its beginning) up to `until`, in batches, without committing
 * offsets anywhere: a throwaway group that never touches the live indexer's position.
 */
export async function readTopicUntil(
  kafka: Kafka,
  topic: string,
  until: TopicEnd,
  from: TopicEnd | null,
  onBatch: (records: TopicRecord[]) => Promise<void>,
): Promise<void> {
  const pending = new Set(
    [...until].filter(([p, end]) => end.high > Math.max(end.low, from?.get(p)?.high ?? 0)).map(([p]) => p),
  );
  if (pending.size === 0) return;
  const consumer = kafka.consumer({
    groupId: `search-reindex-${randomUUID()}`,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let finish!: () => void;
    let fail!: (error: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const high = until.get(batch.partition)?.high ?? 0;
        const records = batch.messages
          .filter((m) => Number(m.offset) < high)
          .map((m) => ({ key: m.key?.toString('utf8') ?? null, value: m.value, headers: m.headers }));
        try {
          await onBatch(records);
        } catch (error) {
          fail(error);
          return;
        }
        if (Number(batch.lastOffset()) + 1 >= high) pending.delete(batch.partition);
        if (pending.size === 0) finish();
      },
    });
    for (const [partition, end] of from ?? []) consumer.seek({ topic, partition, offset: String(end.high) });
    await done;
  } finally {
    await consumer.disconnect();
  }
}
