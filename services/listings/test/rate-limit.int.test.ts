import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { stack } from '@portfolioos/testing';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';

let harness: ListingsHarness;
let redis: Redis;
before(async () => {
  harness = await createListingsHarness();
  redis = new Redis(stack.redisUrl);
});
after(async () => {
  await redis.quit();
  await harness.close();
});

test('the anonymous map search is limited per client; staff routes are not', async (t) => {
  const client = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}` };
  const app = await harness.app(t, {
    config: { PUBLIC_RATE_LIMIT_MAX: 2, PUBLIC_RATE_LIMIT_WINDOW_MS: 60_000 },
    rateLimitRedis: redis,
  });

  const search = () => app.inject({ url: '/v1/listings/search?bbox=-97.8,30.2,-97.7,30.3', headers: client });
  assert.equal((await search()).statusCode, 200);
  assert.equal((await search()).statusCode, 200);
  const limited = await search();
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json<{ type: string }>().type, 'https://portfolioos.dev/problems/rate-limited');
  assert.ok(Number(limited.headers['retry-after']) > 0);

  const token = await harness.token(randomUUID());
  for (let i = 0; i < 3; i += 1) {
    const staff = await app.inject({
      url: '/v1/properties',
      headers: { ...client, authorization: `Bearer ${token}` },
    });
    assert.equal(staff.statusCode, 200);
  }
});
