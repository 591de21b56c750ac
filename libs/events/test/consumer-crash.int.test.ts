import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { uniqueName } from '@portfolioos/testing';
import { EventConsumer } from '../src/index.js';
import { counterHandlers } from './support/counter-handler.js';
import { consumedToEnd, createHarness, eventually, silentLogger, type Harness } from './support/harness.js';

let h: Harness;
before(async () => {
  h = await createHarness(2);
});
after(async () => {
  await h.close();
});

test('a consumer killed mid-batch loses nothing and applies nothing twice once another takes over', async () => {
  const keys = ['k1', 'k2', 'k3', 'k4'];
  for (const key of keys)
    await h.enqueueCounter(
      key,
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  const relay = h.relay();
  while ((await relay.relayBatch()) > 0);

  const groupId = uniqueName('crash');
  const script = fileURLToPath(new URL('./support/consumer-process.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=@portfolioos/source', '--import', 'tsx', script, h.database.url, h.topic, groupId],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await eventually('the child to apply some events', async () => (await h.effects()).length >= 60, 60_000);
  child.kill('SIGKILL');
  await exited;
  const appliedByChild = (await h.effects()).length;
  assert.ok(appliedByChild < 400, `the kill landed mid-stream (${appliedByChild} applied)`);

  const successor = new EventConsumer({
    kafka: h.kafka,
    groupId,
    db: h.db,
    events: h.events,
    serde: h.serde,
    handlers: counterHandlers,
    logger: silentLogger,
    metrics: h.metrics,
    sessionTimeoutMs: 6000,
  });
  await successor.start();
  try {
    await eventually('the whole topic consumed', () => consumedToEnd(h, groupId), 60_000);
    const effects = await h.effects();
    assert.equal(effects.length, 400, 'nothing applied twice');
    for (const key of keys) {
      const seqs = effects.filter((e) => e.counter_id === key).map((e) => e.seq);
      assert.deepEqual(
        seqs,
        Array.from({ length: 100 }, (_, i) => i + 1),
        `nothing lost or reordered for ${key}`,
      );
    }
  } finally {
    await successor.stop();
  }
});
