import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import { KAFKA_DOWN_BROKERS, readinessOf, uniqueName } from '@portfolioos/testing';
import { readConfig } from '../src/config.js';
import { leasingService } from '../src/runtime.js';
import { createLeasingHarness, type LeasingHarness } from './support/harness.js';

describe('the leasing runtime (server.ts in this process)', () => {
  let h: LeasingHarness;
  before(async () => {
    h = await createLeasingHarness();
  });
  after(() => h.close());

  test('boots while Kafka is down: /readyz is 200 degraded and the API answers', async () => {
    const jwks = await h.signer.serveJwks();
    after(() => jwks.close());
    const config = readConfig({
      ...h.env,
      HTTP_PORT: '0',
      KAFKA_BROKERS: KAFKA_DOWN_BROKERS,
      JWKS_URL: jwks.url,
      ORGANIZATIONS_TOPIC: uniqueName('test.identity.organization'),
      PROPERTIES_TOPIC: uniqueName('test.listings.property'),
      UNITS_TOPIC: uniqueName('test.listings.unit'),
      UPSTREAM_GROUP_ID: uniqueName('leasing-upstream-test'),
    });
    const running = await startServiceRuntime(leasingService(config));
    after(() => running.close());

    assert.deepEqual(await readinessOf(running.url), {
      httpStatus: 200,
      status: 'degraded',
      checks: { postgres: 'ok', kafka: 'degraded' },
    });
    const token = await h.signer.staffToken(crypto.randomUUID());
    const res = await fetch(`${running.url}/v1/tenants`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    assert.match(metrics, /^# TYPE events_outbox_backlog gauge$/m);
    // Every route is in the OpenAPI document the ingress merges.
    const spec = (await (await fetch(`${running.url}/openapi.json`)).json()) as { paths: object };
    for (const path of ['/v1/tenants/{id}', '/v1/tenants/{id}/leases', '/v1/leases/{id}/renew'])
      assert.ok(path in spec.paths, `${path} in ${Object.keys(spec.paths).join(', ')}`);
  });
});
