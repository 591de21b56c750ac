import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningService } from '@portfolioos/service-kit';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import { KAFKA_DOWN_BROKERS, readinessOf, stack, uniqueName } from '@portfolioos/testing';
import { readConfig } from '../src/config.js';
import { listingsService } from '../src/runtime.js';
import { createProperty } from './support/flows.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';

describe('the listings runtime (server.ts in this process)', () => {
  let h: ListingsHarness;
  let jwks: { url: string; close(): Promise<void> };
  before(async () => {
    h = await createListingsHarness();
    jwks = await h.signer.serveJwks();
  });
  after(async () => {
    await jwks.close();
    await h.close();
  });

  const boot = async (kafkaBrokers: string): Promise<RunningService> => {
    const config = readConfig({
      DATABASE_URL: h.database.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: kafkaBrokers,
      SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl,
      REDIS_URL: stack.redisUrl,
      JWKS_URL: jwks.url,
      JWT_ISSUER: h.signer.issuer,
      JWT_AUDIENCE: h.signer.audience,
      LEASES_TOPIC: uniqueName('test.leasing.lease'),
      LEASING_GROUP_ID: uniqueName('listings-leasing-test'),
      LEASING_CONSUMER_ENABLED: 'false',
    });
    const running = await startServiceRuntime(listingsService(config));
    after(() => running.close());
    return running;
  };

  test('the outbox relay reports its backlog on the app /metrics', { timeout: 30_000 }, async () => {
    const running = await boot(stack.kafkaBrokers.join(','));
    // The relay measures the backlog on its first pass; wait for that, never for a fixed time.
    for (;;) {
      const metrics = await (await fetch(`${running.url}/metrics`)).text();
      const sample = /^events_outbox_backlog\{[^}]*source="listings"[^}]*\} (\d+)$/m.exec(metrics);
      if (sample) {
        assert.equal(sample[1], '0');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  test('boots with Kafka down: /readyz is 200 degraded, staff writes go to the outbox', async () => {
    const running = await boot(KAFKA_DOWN_BROKERS);
    assert.deepEqual(await readinessOf(running.url), {
      httpStatus: 200,
      status: 'degraded',
      checks: { postgres: 'ok', kafka: 'degraded' },
    });

    const orgId = crypto.randomUUID();
    const property = await createProperty(running.app, await h.token(orgId));
    const { rows } = await h.admin.query<{ event_type: string; sent_at: Date | null }>(
      'select event_type, sent_at from outbox where key = $1',
      [property.id],
    );
    assert.deepEqual(rows, [{ event_type: 'portfolioos.listings.PropertyCreated', sent_at: null }]);
  });
});
