import type { Kafka } from 'kafkajs';

/** Offsets [start, end) of one partition of a dead-letter topic to replay. */
export interface PartitionRange {
  partition: number;
  start: number;
  end: number;
}

/**
 * Per partition: from the first record written at or after `since` (or the earliest kept) to the end
 * as it is now. A topic that does not exist has nothing to replay.
 */
export async function deadLetterRange(kafka: Kafka, topic: string, since?: Date): Promise<PartitionRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return [];
    const ends = await admin.fetchTopicOffsets(topic);
    // For a time after the last record Kafka answers -1: nothing in that partition is recent enough.
    const starts = since ? await admin.fetchTopicOffsetsByTimestamp(topic, since.getTime()) : ends;
    return ends.map((end) => {
      const found = starts.find((s) => s.partition === end.partition);
      const start = since ? Number(found?.offset ?? -1) : Number(end.low);
      return {
        partition: end.partition,
        start: start < 0 ? Number(end.high) : Math.max(start, Number(end.low)),
        end: Number(end.high),
      };
    });
  } finally {
    await admin.disconnect();
  }
}
