import type { Admin, ITopicConfig, Kafka } from 'kafkajs';
import pRetry from 'p-retry';

class TopicsNotReadyError extends Error {
  readonly retriable = true;
}

function isRetriable(error: Error): boolean {
  return (error as { retriable?: unknown }).retriable === true;
}

/**
 * Creates the given topics and waits until every partition of each has a leader.
 *
 * kafkajs' own `waitForLeaders` only retries LEADER_NOT_AVAILABLE, but a KRaft broker that has just
 * created a topic can still answer UNKNOWN_TOPIC_OR_PARTITION for it; kafkajs gives up on that at once.
 * Here any retriable metadata error, and any partition still without a leader, is retried with backoff
 * until `timeoutMs`. Topics that already exist are left alone.
 */
export async function createTopicsAndAwaitLeaders(
  admin: Admin,
  topics: ITopicConfig[],
  timeoutMs = 30_000,
): Promise<void> {
  if (topics.length === 0) return;
  await admin.createTopics({ topics, waitForLeaders: false });
  const names = topics.map((topic) => topic.topic);
  await pRetry(
    async () => {
      const metadata = await admin.fetchTopicMetadata({ topics: names });
      const waiting = metadata.topics
        .filter((topic) => topic.partitions.length === 0 || topic.partitions.some((p) => p.leader < 0))
        .map((topic) => topic.name);
      if (waiting.length > 0) throw new TopicsNotReadyError(`no leader yet for ${waiting.join(', ')}`);
    },
    {
      retries: 1_000,
      minTimeout: 50,
      maxTimeout: 1_000,
      maxRetryTime: timeoutMs,
      shouldRetry: ({ error }) => isRetriable(error),
    },
  );
}

/** Creates the topics that do not exist yet (brokers here never auto-create); leaves others alone. */
export async function ensureTopics(kafka: Kafka, topics: ITopicConfig[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    await createTopicsAndAwaitLeaders(
      admin,
      topics.filter((t) => !existing.has(t.topic)),
    );
  } finally {
    await admin.disconnect();
  }
}
