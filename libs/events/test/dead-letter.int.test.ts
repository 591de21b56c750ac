import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { KafkaMessage } from 'kafkajs';
import { uniqueName } from '@portfolioos/testing';
import { deadLetterHeaders, deadLetterTopicOf, EventConsumer, headerString } from '../src/index.js';
import { counterHandlers } from './support/counter-handler.js';
import { createHarness, eventually, silentLogger, type Harness } from './support/harness.js';

let h: Harness;
before(async () => {
  h = await createHarness(1);
});
after(async () => {
  await h.close();
});

test('a poison event is dead-lettered after N attempts and its partition keeps flowing', async () => {
  await h.enqueueCounter('poisoned', [1, 2, 3, 4]);
  await h.enqueueCounter('poisoned', [5], { fail: true });
  await h.enqueueCounter('poisoned', [6, 7, 8, 9, 10]);
  const relay = h.relay();
  while ((await relay.relayBatch()) > 0);
  // A record from some other producer that is not an event at all: no retry can help it.
  await h.producer.send({ topic: h.topic, messages: [{ key: 'poisoned', value: Buffer.from('not avro') }] });
  await h.enqueueCounter('poisoned', [11]);
  while ((await relay.relayBatch()) > 0);

  const groupId = uniqueName('poison');
  const consumer = new EventConsumer({
    kafka: h.kafka,
    groupId,
    db: h.db,
    events: h.events,
    serde: h.serde,
    handlers: counterHandlers,
    logger: silentLogger,
    metrics: h.metrics,
    maxAttempts: 3,
    retryMinDelayMs: 10,
    retryMaxDelayMs: 50,
  });
  await consumer.start();
  await consumer.joinedGroup(); // the dead-letter topic exists by then
  const dead = await readTopic(h, deadLetterTopicOf(groupId), 2);
  try {
    await eventually('events after the poison applied', async () =>
      (await h.effects()).some((e) => e.seq === 11),
    );
    assert.deepEqual(
      (await h.effects()).map((e) => e.seq),
      [1, 2, 3, 4, 6, 7, 8, 9, 10, 11],
    );
    const [poison, garbage] = await dead.records;
    const header = (m: KafkaMessage, name: string) => headerString(m.headers?.[name]);
    assert.equal(header(poison!, deadLetterHeaders.topic), h.topic);
    assert.equal(header(poison!, deadLetterHeaders.partition), '0');
    assert.equal(header(poison!, deadLetterHeaders.offset), '4');
    assert.equal(header(poison!, deadLetterHeaders.attempts), '3');
    assert.match(header(poison!, deadLetterHeaders.error) ?? '', /step 5 refused/);
    assert.equal(
      header(poison!, 'event-type'),
      'portfolioos.test.CounterIncremented',
      'original headers kept',
    );
    assert.equal(header(garbage!, deadLetterHeaders.offset), '10');
    assert.equal(header(garbage!, deadLetterHeaders.attempts), '1', 'a malformed record is not retried');
    assert.equal(garbage!.value?.toString(), 'not avro');
    assert.match(await h.metricsRegistry.getSingleMetricAsString('events_dead_lettered_total'), / 2$/m);
  } finally {
    await consumer.stop();
    await dead.stop();
  }
});

/** Reads `count` records of a topic from its beginning with a throwaway group. */
async function readTopic(harness: Harness, topic: string, count: number) {
  const reader = harness.kafka.consumer({ groupId: uniqueName('dlq-reader') });
  const received: KafkaMessage[] = [];
  const records = new Promise<KafkaMessage[]>((resolve) => {
    void (async () => {
      await reader.connect();
      await reader.subscribe({ topic, fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          received.push(message);
          if (received.length === count) resolve(received);
        },
      });
    })();
  });
  return { records, stop: () => reader.disconnect() };
}
