import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import { KAFKA_DOWN_BROKERS, readinessOf, uniqueName } from '@portfolioos/testing';
import { readConfig } from '../src/config.js';
import { maintenanceService } from '../src/runtime.js';
import { createMaintenanceHarness, type MaintenanceHarness } from './support/harness.js';

describe('the maintenance runtime (server.ts in this process)', () => {
  let h: MaintenanceHarness;
  before(async () => {
    h = await createMaintenanceHarness();
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
      UPSTREAM_GROUP_ID: uniqueName('maintenance-upstream-test'),
      S3_ACCESS_KEY_ID: h.config.S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: h.config.S3_SECRET_ACCESS_KEY,
      S3_BUCKET_PREFIX: h.config.S3_BUCKET_PREFIX,
    });
    const running = await startServiceRuntime(maintenanceService(config));
    after(() => running.close());

    assert.deepEqual(await readinessOf(running.url), {
      httpStatus: 200,
      status: 'degraded',
      checks: { postgres: 'ok', kafka: 'degraded' },
    });
    const token = await h.signer.staffToken(crypto.randomUUID());
    const res = await fetch(`${running.url}/v1/maintenance-requests`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    assert.match(metrics, /^# TYPE events_outbox_backlog gauge$/m);
  });
});
