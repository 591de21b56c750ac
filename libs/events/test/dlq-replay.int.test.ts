import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import type { KafkaMessage } from 'kafkajs';
import { stack, uniqueName } from '@portfolioos/testing';
import {
  deadLetterTopicOf,
  ensureTopics,
  EventConsumer,
  headerString,
  replayDeadLetters,
  type HandlerTransaction,
} from '../src/index.js';
import { recordCounterEffect } from './support/counter-handler.js';
import { createHarness, eventually, silentLogger, type Harness } from './support/harness.js';
import { COUNTER_INCREMENTED, type TestEvents } from './support/test-events.js';

let h: Harness;
before(async () => {
  h = await createHarness(2);
});
after(async () => {
  await h.close();
});

const topicSize = async (topic: string) => {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
};

test('dead letters go back to their topic with their envelope and are applied once the handler is fixed', async () => {
  // A handler that refuses everything until "the fix is deployed".
  let fixed = false;
  const groupId = uniqueName('replay');
  const consumer = new EventConsumer<TestEvents, HandlerTransaction>({
    kafka: h.kafka,
    groupId,
    db: h.db,
    events: h.events,
    serde: h.serde,
    handlers: {
      [COUNTER_INCREMENTED]: async (event, tx) => {
        if (!fixed) throw new Error('handler bug');
        await recordCounterEffect(event, tx);
      },
    },
    logger: silentLogger,
    maxAttempts: 1,
    sessionTimeoutMs: 6000,
  });
  await consumer.start();
  await consumer.joinedGroup();
  const ids = await h.enqueueCounter('replayed', [1, 2, 3, 4]);
  while ((await h.relay().relayBatch()) > 0);
  const dlq = deadLetterTopicOf(groupId);
  try {
    await eventually('4 dead letters', async () => (await topicSize(dlq)) >= 4);
    const since = new Date();

    const dry = await replayDeadLetters({ kafka: h.kafka, group: groupId, dryRun: true });
    assert.deepEqual(dry, { total: 4, byTopic: { [h.topic]: 4 } });
    assert.equal(await topicSize(h.topic), 4, 'a dry run publishes nothing');
    const none = await replayDeadLetters({ kafka: h.kafka, group: groupId, since });
    assert.equal(none.total, 0, 'nothing was dead-lettered after --since');

    fixed = true;
    const progress: number[] = [];
    const replay = await replayDeadLetters({
      kafka: h.kafka,
      group: groupId,
      onProgress: (done) => progress.push(done),
    });
    assert.deepEqual(replay, { total: 4, byTopic: { [h.topic]: 4 } });
    assert.equal(progress.at(-1), 4);
    await eventually('the replayed events applied', async () => (await h.effects()).length >= 4);
    const effects = await h.effects();
    assert.deepEqual(
      effects.map((e) => e.event_id).sort(),
      [...ids].sort(),
      'each applied once, under its original event id',
    );
  } finally {
    await consumer.stop();
  }
});

test('the CLI replays to another topic with --topic, records unchanged but for the dead-letter headers', async () => {
  const groupId = uniqueName('replay-cli');
  const dlq = deadLetterTopicOf(groupId);
  const target = uniqueName('test.replay-target');
  await ensureTopics(h.kafka, [{ topic: dlq }, { topic: target }]);
  const producer = h.producer;
  await producer.send({
    topic: dlq,
    acks: -1,
    messages: [
      {
        key: 'k1',
        value: Buffer.from('original value'),
        headers: { 'event-id': 'e-1', 'dlq-original-topic': h.topic, 'dlq-error': 'Error: boom' },
      },
    ],
  });
  const script = fileURLToPath(new URL('../scripts/dlq-replay.ts', import.meta.url));
  const cli = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      ['--conditions=@portfolioos/source', '--import', 'tsx', script, '--group', groupId, ...args],
      { env: { ...process.env, KAFKA_BROKERS: stack.kafkaBrokers.join(',') } },
    );
  const { stdout } = await cli('--topic', target);
  assert.match(stdout, new RegExp(`replayed 1 dead letter.*\\n.*1 → ${target}`));

  const [record] = await readAll(target, 1);
  assert.equal(record!.key?.toString(), 'k1');
  assert.equal(record!.value?.toString(), 'original value');
  assert.equal(headerString(record!.headers?.['event-id']), 'e-1');
  assert.equal(record!.headers?.['dlq-error'], undefined, 'dead-letter headers are dropped');
});

async function readAll(topic: string, count: number): Promise<KafkaMessage[]> {
  const reader = h.kafka.consumer({ groupId: uniqueName('replay-reader') });
  await reader.connect();
  await reader.subscribe({ topic, fromBeginning: true });
  const received: KafkaMessage[] = [];
  await new Promise<void>((resolve) => {
    void reader.run({
      eachMessage: async ({ message }) => {
        received.push(message);
        if (received.length >= count) resolve();
      },
    });
  });
  await reader.disconnect();
  return received;
}
