import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import { KAFKA_DOWN_BROKERS, readinessOf, uniqueName } from '@portfolioos/testing';
import { readConfig } from '../src/config.js';
import { paymentsService } from '../src/runtime.js';
import { createPaymentsHarness, type PaymentsHarness } from './support/harness.js';

describe('the payments runtime (server.ts in this process)', () => {
  let h: PaymentsHarness;
  before(async () => {
    h = await createPaymentsHarness();
  });
  after(() => h.close());

  test('boots while Kafka is down: /readyz is 200 degraded and the API answers', async () => {
    const jwks = await h.signer.serveJwks();
    after(() => jwks.close());
    const config = readConfig({
      DATABASE_URL: h.database.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: KAFKA_DOWN_BROKERS,
      JWKS_URL: jwks.url,
      JWT_ISSUER: h.signer.issuer,
      JWT_AUDIENCE: h.signer.audience,
      ORGANIZATIONS_TOPIC: uniqueName('test.identity.organization'),
      ORGANIZATIONS_GROUP_ID: uniqueName('payments-organizations-test'),
    });
    const running = await startServiceRuntime(paymentsService(config));
    after(() => running.close());

    assert.deepEqual(await readinessOf(running.url), {
      httpStatus: 200,
      status: 'degraded',
      checks: { postgres: 'ok', kafka: 'degraded' },
    });
    const token = await h.signer.staffToken(crypto.randomUUID());
    const res = await fetch(`${running.url}/v1/ledger/trial-balance`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    assert.match(metrics, /^# TYPE events_outbox_backlog gauge$/m);
  });
});
