import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { uniqueName } from '@portfolioos/testing';
import { deadLetterTopicOf, EventConsumer, type ConsumedRecord } from '../src/index.js';
import { counterHandlers } from './support/counter-handler.js';
import { counterStatementHandler } from './support/counter-statement-handler.js';
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
const relay = () => h.relay();
const deadLetters = async (groupId: string) => {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(deadLetterTopicOf(groupId));
    return offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
};

function statementConsumer(groupId: string, calls: ConsumedRecord<TestEvents>[][]) {
  return new EventConsumer({
    kafka: h.kafka,
    groupId,
    db: h.db,
    events: h.events,
    serde: h.serde,
    handlers: counterHandlers,
    statementHandler: counterStatementHandler(calls),
    logger: silentLogger,
    metrics: h.metrics,
    maxAttempts: 2,
    retryMinDelayMs: 10,
    retryMaxDelayMs: 50,
    chunkSize: 50,
  });
}

test('a statement handler applies whole chunks in one statement with their inbox rows', async () => {
  const ids = await h.enqueueCounter(
    'statement',
    Array.from({ length: 120 }, (_, i) => i + 1),
  );
  while ((await relay().relayBatch()) > 0);
  const calls: ConsumedRecord<TestEvents>[][] = [];
  const groupId = uniqueName('statement');
  const consumer = statementConsumer(groupId, calls);
  await consumer.start();
  try {
    await eventually('120 effects', async () => (await effectsOf('statement')).length >= 120);
    assert.deepEqual(
      (await effectsOf('statement')).map((e) => e.event_id),
      ids,
      'every event once, in order',
    );
    assert.ok(calls.length < 120 / 10, `${calls.length} statements for 120 events`);
    const recorded = await inboxed(h, groupId);
    assert.ok(
      ids.every((id) => recorded.has(id)),
      'each in the inbox',
    );
  } finally {
    await consumer.stop();
  }
});

test('a chunk whose statement fails is applied one by one: the poison event is dead-lettered, no other is lost', async () => {
  await h.enqueueCounter('poisoned', [1, 2, 3]);
  const [poisonId] = await h.enqueueCounter('poisoned', [4], { fail: true });
  await h.enqueueCounter('poisoned', [5, 6]);
  while ((await relay().relayBatch()) > 0);
  const groupId = uniqueName('poisoned');
  const consumer = statementConsumer(groupId, []);
  await consumer.start();
  try {
    await eventually('the poison event dead-lettered', () => consumedToEnd(h, groupId), 60_000);
    assert.deepEqual(
      (await effectsOf('poisoned')).map((e) => e.seq),
      [1, 2, 3, 5, 6],
      'the others applied once, in order (nothing of the failed statement remains)',
    );
    assert.equal(await deadLetters(groupId), 1);
    assert.ok(!(await inboxed(h, groupId)).has(poisonId!), 'the poison event is not in the inbox');
  } finally {
    await consumer.stop();
  }
});

test('redelivered, replayed and doubly published events are applied once', async () => {
  const ids = await h.enqueueCounter('replayed', [1, 2, 3, 4, 5, 6]);
  await publishTwice(h);
  const groupId = uniqueName('replayed');
  const first = statementConsumer(groupId, []);
  await first.start();
  await eventually('the events and their duplicates consumed', () => consumedToEnd(h, groupId));
  await first.stop();
  // A replay from the beginning of the topic: same group (same inbox), offsets reset.
  await rewindGroup(h, groupId);
  const again = statementConsumer(groupId, []);
  await again.start();
  try {
    await eventually('the replay consumed', () => consumedToEnd(h, groupId));
    assert.deepEqual(
      (await effectsOf('replayed')).map((e) => e.event_id),
      ids,
    );
  } finally {
    await again.stop();
  }
});

test('a consumer takes a batch handler or a statement handler, not both', () => {
  assert.throws(
    () =>
      new EventConsumer({
        kafka: h.kafka,
        groupId: uniqueName('both'),
        db: h.db,
        events: h.events,
        serde: h.serde,
        handlers: counterHandlers,
        statementHandler: counterStatementHandler(),
        batchHandler: async (records) => records.map(() => ({ ok: true as const })),
        logger: silentLogger,
      }),
    /not both/,
  );
});
