import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import { Redis } from 'ioredis';
import { publicRoutes, rateLimitPlugin, type ProxyTrust, type ServiceApp } from '@portfolioos/service-kit';
import { stack } from '@portfolioos/testing';
import { buildTestApp } from './helper.js';

async function limitedApp(
  t: TestContext,
  redis: Redis,
  trustProxy: ProxyTrust = { hops: 1, proxies: 'loopback' },
): Promise<ServiceApp> {
  return buildTestApp(
    t,
    async (app) => {
      app.get('/search', { config: { rateLimit: {} } }, async () => ({ ok: true }));
      app.get('/strict', { config: { rateLimit: { max: 1 } } }, async () => ({ ok: true }));
      app.get('/open', async () => ({ ok: true }));
      app.get('/anonymous', { config: { auth: { public: true } } }, async () => ({ ok: true }));
    },
    {
      trustProxy,
      plugins: {
        external: [
          rateLimitPlugin({
            redis,
            namespace: `test:${randomUUID()}:`,
            max: 3,
            windowMs: 60_000,
            appliesTo: publicRoutes,
          }),
        ],
      },
    },
  );
}

// What the ingress forwards: whatever the client claimed, then the address the ingress saw.
const from = (ip: string, claimed = '192.0.2.1') => ({ 'x-forwarded-for': `${claimed}, ${ip}` });

test('a client over its limit gets 429 problem+json with Retry-After; others and unlimited routes pass', async (t) => {
  const redis = new Redis(stack.redisUrl);
  t.after(() => redis.quit());
  const app = await limitedApp(t, redis);

  for (let i = 0; i < 3; i += 1) {
    const ok = await app.inject({ url: '/search', headers: from('203.0.113.7') });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.headers['x-ratelimit-remaining'], String(2 - i));
  }
  const limited = await app.inject({ url: '/search', headers: from('203.0.113.7') });
  assert.equal(limited.statusCode, 429);
  assert.match(String(limited.headers['content-type']), /^application\/problem\+json/);
  assert.ok(Number(limited.headers['retry-after']) > 0);
  const problem = limited.json<{ type: string; status: number; retry_after_seconds: number }>();
  assert.equal(problem.type, 'https://portfolioos.dev/problems/rate-limited');
  assert.equal(problem.status, 429);
  assert.ok(problem.retry_after_seconds > 0 && problem.retry_after_seconds <= 60);

  assert.equal((await app.inject({ url: '/search', headers: from('203.0.113.8') })).statusCode, 200);
  assert.equal((await app.inject({ url: '/open', headers: from('203.0.113.7') })).statusCode, 200);
  assert.equal((await app.inject({ url: '/strict', headers: from('203.0.113.9') })).statusCode, 200);
  assert.equal((await app.inject({ url: '/strict', headers: from('203.0.113.9') })).statusCode, 429);
});

test('a client cannot escape its limit by claiming other addresses in X-Forwarded-For', async (t) => {
  const redis = new Redis(stack.redisUrl);
  t.after(() => redis.quit());
  const app = await limitedApp(t, redis);
  const statuses = [];
  for (let i = 0; i < 4; i += 1) {
    const claimed = `10.0.0.${i}`;
    statuses.push((await app.inject({ url: '/search', headers: from('203.0.113.50', claimed) })).statusCode);
  }
  assert.deepEqual(statuses, [200, 200, 200, 429]);
});

test('X-Forwarded-For from a peer that is not a trusted proxy is ignored: the peer is the client', async (t) => {
  const redis = new Redis(stack.redisUrl);
  t.after(() => redis.quit());
  // The ingress connects from 10.244.0.0/16; this caller reaches the service directly from elsewhere.
  const app = await limitedApp(t, redis, { hops: 1, proxies: '10.244.0.0/16' });
  const direct = (forwarded: string) =>
    app.inject({ url: '/search', remoteAddress: '198.51.100.20', headers: { 'x-forwarded-for': forwarded } });
  const statuses = [];
  for (let i = 0; i < 4; i += 1) statuses.push((await direct(`203.0.113.${100 + i}`)).statusCode);
  assert.deepEqual(statuses, [200, 200, 200, 429]);

  // Through the ingress, the address it saw is the client's, with its own budget.
  const viaIngress = await app.inject({
    url: '/search',
    remoteAddress: '10.244.3.7',
    headers: { 'x-forwarded-for': '198.51.100.20, 203.0.113.200' },
  });
  assert.equal(viaIngress.statusCode, 200);
});

test('appliesTo limits routes that do not declare it, e.g. every public route', async (t) => {
  const redis = new Redis(stack.redisUrl);
  t.after(() => redis.quit());
  const app = await limitedApp(t, redis);
  const statuses = [];
  for (let i = 0; i < 4; i += 1)
    statuses.push((await app.inject({ url: '/anonymous', headers: from('203.0.113.60') })).statusCode);
  assert.deepEqual(statuses, [200, 200, 200, 429]);
});

test('the limit is shared through Redis by every replica of the service', async (t) => {
  const redis = new Redis(stack.redisUrl);
  t.after(() => redis.quit());
  const namespace = `test:${randomUUID()}:`;
  const replica = () =>
    buildTestApp(
      t,
      async (app) => {
        app.get('/search', { config: { rateLimit: {} } }, async () => ({}));
      },
      {
        trustProxy: { hops: 1, proxies: 'loopback' },
        plugins: { external: [rateLimitPlugin({ redis, namespace, max: 2, windowMs: 60_000 })] },
      },
    );
  const [a, b] = [await replica(), await replica()];
  assert.equal((await a.inject({ url: '/search', headers: from('198.51.100.1') })).statusCode, 200);
  assert.equal((await b.inject({ url: '/search', headers: from('198.51.100.1') })).statusCode, 200);
  assert.equal((await a.inject({ url: '/search', headers: from('198.51.100.1') })).statusCode, 429);
});

test('with Redis unreachable requests pass rather than fail', async (t) => {
  const redis = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  t.after(() => redis.disconnect());
  const app = await limitedApp(t, redis);
  for (let i = 0; i < 5; i += 1) {
    assert.equal((await app.inject({ url: '/search', headers: from('203.0.113.7') })).statusCode, 200);
  }
});
