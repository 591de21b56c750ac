import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import { KAFKA_DOWN_BROKERS, readinessOf, stack, uniqueName } from '@portfolioos/testing';
import { readConfig } from '../src/config.js';
import { identityService } from '../src/runtime.js';
import { login, signUp } from './support/flows.js';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';

describe('the identity runtime (server.ts in this process) while Kafka is down', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('boots, /readyz is 200 degraded, sign-up and login work; events wait in the outbox', async () => {
    const config = readConfig({
      DATABASE_URL: h.database.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: KAFKA_DOWN_BROKERS,
      REDIS_URL: stack.redisUrl,
      REDIS_KEY_PREFIX: uniqueName('identity-runtime-test'),
      SIGNING_KEY_ENCRYPTION_KEY: h.config.SIGNING_KEY_ENCRYPTION_KEY,
    });
    const running = await startServiceRuntime(identityService(config));
    after(() => running.close());

    assert.deepEqual(await readinessOf(running.url), {
      httpStatus: 200,
      status: 'degraded',
      checks: { postgres: 'ok', kafka: 'degraded', redis: 'ok' },
    });
    const owner = await signUp(running.app, `Outage Rentals ${randomBytes(3).toString('hex')}`);
    const response = await login(running.app, owner.email);
    assert.equal(response.statusCode, 200, response.body);
    const { rows } = await h.admin.query<{ n: string }>(
      'select count(*) as n from outbox where organization_id = $1 and sent_at is null',
      [owner.orgId],
    );
    assert.ok(Number(rows[0]?.n) > 0, 'the sign-up events wait in the outbox for Kafka');
  });
});
