import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { KafkaMessage } from 'kafkajs';
import { uniqueName } from '@portfolioos/testing';
import {
  deadLetterHeaders,
  deadLetterTopicOf,
  EventConsumer,
  headerString,
  type ConsumedRecord,
} from '../src/index.js';
import { counterBatchHandler, FLAKY_IN_BATCH } from './support/counter-batch-handler.js';
import { counterHandlers } from './support/counter-handler.js';
import {
  consumedToEnd,
  createHarness,
  eventually,
  inboxed,
  publishTwice,
  rewindGroup,
  silentLogger,
  type Harness,
} from './support/harness.js';
import type { TestEvents } from './support/test-events.js';

let h: Harness;
before(async () => {
  h = await createHarness(1);
});
after(async () => {
  await h.close();
});

// Every test's group reads the shared topic from its beginning: each looks only at its own counter.
const effectsOf = async (counterId: string) => (await h.effects()).filter((e) => e.counter_id === counterId);
const handedOf = (calls: ConsumedRecord<TestEvents>[][], counterId: string) =>
  calls.flat().flatMap((r) => (r.kind === 'event' && r.event.key === counterId ? [r.event.payload.seq] : []));

function batchConsumer(groupId: string, calls: ConsumedRecord<TestEvents>[][]) {
  return new EventConsumer({
    kafka: h.kafka,
    groupId,
    db: h.db,
    events: h.events,
    serde: h.serde,
    handlers: counterHandlers,
    batchHandler: counterBatchHandler(calls),
    logger: silentLogger,
    metrics: h.metrics,
    maxAttempts: 3,
    retryMinDelayMs: 10,
    retryMaxDelayMs: 50,
    chunkSize: 50,
  });
}

const relay = () => h.relay();

test('a batch handler applies whole chunks, each with its inbox rows', async () => {
  const ids = await h.enqueueCounter(
    'batched',
    Array.from({ length: 120 }, (_, i) => i + 1),
  );
  while ((await relay().relayBatch()) > 0);
  const calls: ConsumedRecord<TestEvents>[][] = [];
  const groupId = uniqueName('batched');
  const consumer = batchConsumer(groupId, calls);
  await consumer.start();
  try {
    await eventually('120 effects', async () => (await effectsOf('batched')).length >= 120);
    assert.deepEqual(
      (await effectsOf('batched')).map((e) => e.event_id),
      ids,
      'every event once, in order',
    );
    assert.ok(calls.length < 120 / 10, `${calls.length} batch calls for 120 events`);
    assert.ok(Math.max(...calls.map((c) => c.length)) > 1);
    const recorded = await inboxed(h, groupId);
    assert.ok(
      ids.every((id) => recorded.has(id)),
      'each in the inbox',
    );
  } finally {
    await consumer.stop();
  }
});

test('only the events the batch failed are retried one by one; the poison one is dead-lettered', async () => {
  await h.enqueueCounter('partial', [1, 2, 3, 4]);
  const [poisonId] = await h.enqueueCounter('partial', [5], { fail: true });
  await h.enqueueCounter('partial', [6]);
  const [flakyId] = await h.enqueueCounter('partial', [7], { note: FLAKY_IN_BATCH });
  await h.enqueueCounter('partial', [8, 9, 10]);
  const before = await topicEnd(h);
  while ((await relay().relayBatch()) > 0);
  const calls: ConsumedRecord<TestEvents>[][] = [];
  const groupId = uniqueName('partial');
  const consumer = batchConsumer(groupId, calls);
  await consumer.start();
  await consumer.joinedGroup(); // the dead-letter topic exists by then
  const dead = await readOne(h, deadLetterTopicOf(groupId));
  try {
    const poison = await dead.record;
    await eventually('the flaky event applied alone', async () => (await effectsOf('partial')).length >= 9);
    const effects = await effectsOf('partial');
    assert.deepEqual(
      effects.map((e) => e.seq),
      [1, 2, 3, 4, 6, 8, 9, 10, 7],
      'the failed ones come after the rest of their chunk',
    );
    assert.deepEqual(handedOf(calls, 'partial'), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'the batch saw each once');
    assert.equal(headerString(poison.headers?.[deadLetterHeaders.offset]), String(before + 4));
    assert.equal(headerString(poison.headers?.[deadLetterHeaders.attempts]), '3');
    assert.match(headerString(poison.headers?.[deadLetterHeaders.error]) ?? '', /step 5 refused/);
    const recorded = await inboxed(h, groupId);
    assert.ok(recorded.has(flakyId!) && !recorded.has(poisonId!), 'the inbox holds exactly the applied ones');
  } finally {
    await consumer.stop();
    await dead.stop();
  }
});

test('redelivered and replayed events never reach the batch handler twice', async () => {
  const ids = await h.enqueueCounter('replayed', [1, 2, 3, 4, 5, 6]);
  await publishTwice(h);
  const calls: ConsumedRecord<TestEvents>[][] = [];
  const groupId = uniqueName('replayed');
  const first = batchConsumer(groupId, calls);
  await first.start();
  await eventually('the events and their duplicates consumed', () => consumedToEnd(h, groupId));
  await first.stop();
  // A replay from the beginning of the topic: same group (same inbox), offsets reset.
  await rewindGroup(h, groupId);
  const again = batchConsumer(groupId, calls);
  await again.start();
  try {
    await eventually('the replay consumed', () => consumedToEnd(h, groupId));
    assert.deepEqual(
      (await effectsOf('replayed')).map((e) => e.event_id),
      ids,
    );
    assert.deepEqual(handedOf(calls, 'replayed'), [1, 2, 3, 4, 5, 6], 'each reached the batch handler once');
  } finally {
    await again.stop();
  }
});

async function topicEnd(harness: Harness): Promise<number> {
  const admin = harness.kafka.admin();
  await admin.connect();
  try {
    return Number((await admin.fetchTopicOffsets(harness.topic))[0]!.high);
  } finally {
    await admin.disconnect();
  }
}

/** The first record of a topic, read with a throwaway group. */
async function readOne(harness: Harness, topic: string) {
  const reader = harness.kafka.consumer({ groupId: uniqueName('dlq-reader') });
  await reader.connect();
  await reader.subscribe({ topic, fromBeginning: true });
  const record = new Promise<KafkaMessage>((resolve) => {
    void reader.run({ eachMessage: async ({ message }) => resolve(message) });
  });
  return { record, stop: () => reader.disconnect() };
}
