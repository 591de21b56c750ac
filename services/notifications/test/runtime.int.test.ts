import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import { KAFKA_DOWN_BROKERS, readinessOf, uniqueName } from '@portfolioos/testing';
import { readConfig } from '../src/config.js';
import { notificationsService } from '../src/runtime.js';
import { createNotificationsHarness, type NotificationsHarness } from './support/harness.js';

describe('the notifications runtime (server.ts in this process)', () => {
  let h: NotificationsHarness;
  before(async () => {
    h = await createNotificationsHarness();
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
      TOPIC_PREFIX: `${uniqueName('test-notify')}.`,
      EVENTS_GROUP_ID: uniqueName('notifications-events-test'),
    });
    const running = await startServiceRuntime(notificationsService(config));
    after(() => running.close());

    assert.deepEqual(await readinessOf(running.url), {
      httpStatus: 200,
      status: 'degraded',
      checks: { postgres: 'ok', kafka: 'degraded' },
    });
    const token = await h.signer.staffToken(crypto.randomUUID());
    const res = await fetch(`${running.url}/v1/notifications/unread-count`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    assert.match(metrics, /^# TYPE events_outbox_backlog gauge$/m);
  });
});
