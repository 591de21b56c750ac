import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { stack } from '@portfolioos/testing';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';

let harness: ListingsHarness;
let redis: Redis;
// Stands in for identity's introspection endpoint only to count calls: every key is inactive.
let introspections = 0;
let identity: Server;
let introspectionUrl: string;
before(async () => {
  harness = await createListingsHarness();
  redis = new Redis(stack.redisUrl);
  identity = createServer((request, response) => {
    introspections += 1;
    request.resume();
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ active: false }));
  });
  await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
  introspectionUrl = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/internal/v1/api-keys/introspect`;
});
after(async () => {
  await new Promise((resolve) => identity.close(resolve));
  await redis.quit();
  await harness.close();
});

test('a request over the rate limit answers 429 without an API-key introspection call', async (t) => {
  const app = await harness.app(t, {
    config: {
      PUBLIC_RATE_LIMIT_MAX: 2,
      PUBLIC_RATE_LIMIT_WINDOW_MS: 60_000,
      INTERNAL_API_TOKEN: 'internal-token-for-tests-0123456789',
      IDENTITY_INTROSPECTION_URL: introspectionUrl,
    },
    rateLimitRedis: redis,
  });
  // A client address of its own (documentation range), so no earlier run's counter applies.
  const headers = {
    'x-forwarded-for': `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`,
    authorization: `Bearer pk_${randomBytes(16).toString('hex')}`,
  };
  const search = () => app.inject({ url: '/v1/listings/search?bbox=-97.8,30.2,-97.7,30.3', headers });
  assert.equal((await search()).statusCode, 200);
  assert.equal((await search()).statusCode, 200);
  assert.equal(introspections, 2, 'requests within the limit are authenticated');
  for (let i = 0; i < 5; i++) assert.equal((await search()).statusCode, 429);
  assert.equal(introspections, 2, 'no 429 cost an introspection call');
});
