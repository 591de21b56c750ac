import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp, startService, type BackgroundWorker } from '@portfolioos/service-kit';

/** A worker whose first `failures` starts fail, as a relay does while its broker is down. */
function flakyWorker(failures: number) {
  const calls: string[] = [];
  let started = () => {};
  const running = new Promise<void>((resolve) => (started = resolve));
  const worker: BackgroundWorker = {
    name: 'flaky relay',
    async start() {
      calls.push('start');
      if (calls.filter((c) => c === 'start').length <= failures) throw new Error('broker down');
      started();
    },
    async stop() {
      calls.push('stop');
    },
  };
  return { worker, calls, running };
}

test('HTTP answers while a worker fails to start; the worker is retried until it starts', async () => {
  const { worker, calls, running } = flakyWorker(2);
  const service = await startService({
    name: 'flaky',
    build: () => buildApp({ name: 'flaky', version: '0.0.0', logger: false }),
    listen: { host: '127.0.0.1', port: 0 },
    background: [worker],
  });
  const health = await fetch(`${service.url}/healthz`);
  assert.equal(health.status, 200);
  await running;
  await service.close();
  // Each failed start is cleaned up by a stop before the next attempt; the started one is stopped once.
  assert.deepEqual(calls, ['start', 'stop', 'start', 'stop', 'start', 'stop']);
});

test('closing while a worker keeps failing stops retrying and leaves nothing started', async () => {
  const { worker, calls } = flakyWorker(Number.POSITIVE_INFINITY);
  const service = await startService({
    name: 'flaky',
    build: () => buildApp({ name: 'flaky', version: '0.0.0', logger: false }),
    listen: { host: '127.0.0.1', port: 0 },
    background: [worker],
  });
  await service.close();
  const attempts = calls.filter((c) => c === 'start').length;
  assert.ok(attempts >= 1);
  assert.equal(calls.filter((c) => c === 'stop').length, attempts, 'one cleanup per failed start, no more');
});
