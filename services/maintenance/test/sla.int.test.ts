import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDatabase } from '@portfolioos/db';
import type { ServiceApp } from '@portfolioos/service-kit';
import { detectSlaBreaches } from '../src/sla/breach-detector.js';
import { slaBreachWorker } from '../src/sla/breach-worker.js';
import { bearer, callsOn, createMaintenanceHarness, type MaintenanceHarness } from './support/harness.js';
import { requestBody, seedNeighbourhood, type Neighbourhood } from './support/people.js';

const FILED = new Date('2026-06-01T12:00:00Z');
const hoursLater = (h: number) => new Date(FILED.getTime() + h * 3_600_000);

describe('SLA per priority and the breach detector', () => {
  let h: MaintenanceHarness;
  let n: Neighbourhood;
  let app: ServiceApp;
  before(async () => {
    h = await createMaintenanceHarness();
    n = await seedNeighbourhood(h.handle.db, h.signer);
    app = await h.app({ after: () => undefined }, { now: () => FILED });
  });
  after(async () => {
    await app.close();
    await h.close();
  });
  const file = async (priority: string) => {
    const res = await callsOn(app).post(
      '/v1/maintenance-requests',
      n.tenantA,
      requestBody({ unit_id: n.unitA, priority }),
    );
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const breaches = async () =>
    (
      await h.admin.query(
        `select key from outbox where event_type = 'portfolioos.maintenance.MaintenanceSlaBreached' order by key`,
      )
    ).rows.map((r) => r.key);

  test('defaults, then the organization’s own hours for requests filed after the change', async () => {
    const policy = await callsOn(app).get('/v1/maintenance-requests/sla-policy', n.staff);
    assert.deepEqual(policy.json(), { emergency_hours: 24, urgent_hours: 72, routine_hours: 168 });
    assert.equal((await file('routine')).sla_due_at, hoursLater(168).toISOString());
    const put = await app.inject({
      method: 'PUT',
      url: '/v1/maintenance-requests/sla-policy',
      headers: n.staff,
      payload: { emergency_hours: 4, urgent_hours: 48, routine_hours: 120 },
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal((await file('emergency')).sla_due_at, hoursLater(4).toISOString());
    const viewer = bearer(await h.signer.staffToken(n.orgId, ['viewer']));
    const denied = await app.inject({
      method: 'PUT',
      url: '/v1/maintenance-requests/sla-policy',
      headers: viewer,
      payload: { emergency_hours: 1, urgent_hours: 1, routine_hours: 1 },
    });
    assert.equal(denied.statusCode, 403);
    const other = bearer(await h.signer.staffToken(crypto.randomUUID(), ['owner']));
    assert.equal(
      (await callsOn(app).get('/v1/maintenance-requests/sla-policy', other)).json().emergency_hours,
      24,
    );
  });

  test('each breach is emitted once, with two replicas sweeping at once and again after a restart', async () => {
    await h.admin.query('delete from outbox');
    const urgent = await file('urgent'); // due at +48 h under the organization's policy
    const done = await file('emergency'); // due at +4 h, but completed in time
    for (const action of ['triage', 'schedule', 'start', 'complete'])
      await callsOn(app).post(`/v1/maintenance-requests/${done.id}/${action}`, n.staff);
    const later = await file('routine'); // due at +120 h
    const { rows: open } = await h.admin.query(
      `select id from maintenance_requests where sla_due_at <= $1 and status not in ('completed', 'closed', 'cancelled')`,
      [hoursLater(49)],
    );

    const replicas = [1, 2].map(() =>
      createDatabase({ url: h.database.url, poolMax: 2, applicationName: 'replica' }),
    );
    try {
      const counts = await Promise.all(replicas.map((r) => detectSlaBreaches(r.db, hoursLater(49))));
      assert.equal(counts[0]! + counts[1]!, open.length);
      // A restarted process sweeps the same window again: nothing new.
      assert.equal(await detectSlaBreaches(replicas[0]!.db, hoursLater(50)), 0);
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
    const emitted = await breaches();
    assert.deepEqual(emitted, open.map((r) => r.id).sort());
    assert.ok(emitted.includes(urgent.id));
    assert.ok(!emitted.includes(done.id) && !emitted.includes(later.id));
    const seen = (await callsOn(app).get(`/v1/maintenance-requests/${urgent.id}`, n.staff)).json();
    assert.equal(seen.sla_breached_at, hoursLater(49).toISOString());

    // The worker, as the runtime runs it, picks up the next one.
    const worker = slaBreachWorker({ db: h.handle.db, intervalMs: 1000, now: () => hoursLater(121) });
    await worker.start();
    const deadline = Date.now() + 10_000;
    while (!(await breaches()).includes(later.id)) {
      assert.ok(Date.now() < deadline, 'the worker swept');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await worker.stop();
    assert.equal((await breaches()).filter((id) => id === later.id).length, 1);
  });
});
