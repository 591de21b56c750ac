import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Consumer, EachBatchHandler } from 'kafkajs';
import { uniqueName } from '@portfolioos/testing';
import { refusingAfterStop } from '../src/consumer/after-stop.js';
import { createHarness, eventually, type Harness } from './support/harness.js';

// kafka-outage.int.test.ts once passed and then spun ~90% CPU for 23 minutes in the merged npm test.
// A consumer that kafkajs keeps running after stop() (a crash restart in flight at disconnect,
// tulios/kafkajs#1639) gets batches its stopping EventConsumer returns unresolved; kafkajs fetches
// those again at once. This file shows that loop on the real broker and that the guard ends it.
let h: Harness;
before(async () => {
  h = await createHarness(1);
  await h.enqueueCounter(
    'after-stop',
    Array.from({ length: 30 }, (_, i) => i + 1),
  );
  const relay = h.relay();
  while ((await relay.relayBatch()) > 0);
});
after(async () => {
  await h.close();
});

async function consuming(eachBatch: EachBatchHandler): Promise<Consumer> {
  const consumer = h.kafka.consumer({ groupId: uniqueName('after-stop'), maxWaitTimeInMs: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [h.topic], fromBeginning: true });
  await consumer.run({ eachBatchAutoResolve: false, eachBatch });
  return consumer;
}

test('a batch returned unresolved is fetched again at once, without pause (the busy loop)', async (t) => {
  let deliveries = 0;
  const consumer = await consuming(async () => {
    deliveries += 1;
  });
  try {
    const cpu = process.cpuUsage();
    const started = Date.now();
    await eventually('the same batch delivered 50 times', async () => deliveries >= 50);
    const { user, system } = process.cpuUsage(cpu);
    t.diagnostic(
      `${deliveries} deliveries of one batch in ${Date.now() - started} ms, ${Math.round((user + system) / 1000)} ms CPU`,
    );
  } finally {
    await consumer.disconnect();
  }
});

test('after stop, a batch pauses its partition and the consumer is disconnected instead', async () => {
  const stopped = new AbortController();
  stopped.abort();
  let deliveries = 0;
  let handled = 0;
  let consumer: Consumer | null = null;
  const disconnected = new Promise<void>((resolve) => {
    consumer = h.kafka.consumer({ groupId: uniqueName('after-stop'), maxWaitTimeInMs: 1000 });
    consumer.on(consumer.events.DISCONNECT, () => resolve());
  });
  const guard = refusingAfterStop(
    async () => {
      handled += 1;
    },
    stopped.signal,
    () => consumer!.disconnect(),
  );
  const running = consumer! as Consumer;
  await running.connect();
  await running.subscribe({ topics: [h.topic], fromBeginning: true });
  await running.run({
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      deliveries += 1;
      await guard(payload);
    },
  });
  await disconnected;
  assert.equal(handled, 0, 'no batch reaches the stopped consumer');
  assert.equal(deliveries, 1, 'the partition was paused after its first batch, not fetched again');
});
