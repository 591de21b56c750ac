import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import { KAFKA_DOWN_BROKERS, readinessOf, uniqueName } from '@portfolioos/testing';
import { readConfig } from '../src/config.js';
import { __camel__Service } from '../src/runtime.js';
import { create__Pascal__Harness, type __Pascal__Harness } from './support/harness.js';

describe('the __name__ runtime (server.ts in this process)', () => {
  let h: __Pascal__Harness;
  before(async () => {
    h = await create__Pascal__Harness();
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
      ORGANIZATIONS_GROUP_ID: uniqueName('__name__-organizations-test'),
    });
    const running = await startServiceRuntime(__camel__Service(config));
    after(() => running.close());

    assert.deepEqual(await readinessOf(running.url), {
      httpStatus: 200,
      status: 'degraded',
      checks: { postgres: 'ok', kafka: 'degraded' },
    });
    const token = await h.signer.staffToken(crypto.randomUUID());
    const res = await fetch(`${running.url}/v1/__name__/notes`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    assert.match(metrics, /^# TYPE events_outbox_backlog gauge$/m);
  });
});
