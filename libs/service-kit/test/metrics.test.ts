import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Counter } from 'prom-client';
import type { ServicePlugin } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const routes: ServicePlugin = async (app) => {
  app.get('/units/:id', async () => ({ ok: true }));
};

test('/metrics exposes process metrics and the request histogram by route pattern', async (t) => {
  const app = await buildTestApp(t, routes);
  await app.inject({ method: 'GET', url: '/units/42' });
  await app.inject({ method: 'GET', url: '/does-not-exist/1' });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain/);
  assert.match(res.body, /process_cpu_user_seconds_total\{service="test-service"\}/);
  assert.equal(
    histogramCount(res.body, {
      method: 'GET',
      route: '/units/:id',
      status_code: '200',
      service: 'test-service',
    }),
    1,
  );
  assert.equal(histogramCount(res.body, { method: 'GET', route: 'unmatched', status_code: '404' }), 1);
  assert.doesNotMatch(res.body, /units\/42/);
});

test('each app has its own registry that other libraries can add to', async (t) => {
  const first = await buildTestApp(t, routes);
  const second = await buildTestApp(t, routes);
  assert.notEqual(first.metrics, second.metrics);
  const backlog = new Counter({ name: 'outbox_published_total', help: 'test', registers: [first.metrics] });
  backlog.inc(3);
  const res = await first.inject({ method: 'GET', url: '/metrics' });
  assert.match(res.body, /outbox_published_total\{service="test-service"\} 3/);
  assert.doesNotMatch(
    (await second.inject({ method: 'GET', url: '/metrics' })).body,
    /outbox_published_total/,
  );
});

/** The _count sample of the request histogram whose labels include all of `labels`. */
function histogramCount(exposition: string, labels: Record<string, string>): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^http_request_duration_seconds_count\{(.*)\} (\d+)$/.exec(line);
    if (!match) continue;
    const present = new Map([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => present.get(k) === v)) return Number(match[2]);
  }
  return undefined;
}
