import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requestStringsWithoutRules, type ServiceApp } from '@portfolioos/service-kit';
import { bearer, callsOn, createMaintenanceHarness, type MaintenanceHarness } from './support/harness.js';
import { requestBody, seedNeighbourhood, type Neighbourhood } from './support/people.js';

const JUNE = new Date('2026-06-01T12:00:00Z');

describe('maintenance requests: filing, access, lifecycle', () => {
  let h: MaintenanceHarness;
  let n: Neighbourhood;
  let clock = JUNE;
  let app: ServiceApp;
  before(async () => {
    h = await createMaintenanceHarness();
    n = await seedNeighbourhood(h.handle.db, h.signer);
    app = await h.app({ after: () => undefined }, { now: () => clock });
  });
  after(async () => {
    await app.close();
    await h.close();
  });

  const post: ReturnType<typeof callsOn>['post'] = (...args) => callsOn(app).post(...args);
  const get: ReturnType<typeof callsOn>['get'] = (...args) => callsOn(app).get(...args);
  const file = async (headers: Record<string, string>, body: object) => {
    const res = await post('/v1/maintenance-requests', headers, body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const outboxOf = async (key: string) =>
    (await h.admin.query('select event_type, payload from outbox where key = $1 order by id', [key])).rows;

  test('a tenant files for the unit it leases: tenancy, SLA and event come from the server', async () => {
    const created = await file(n.tenantA, requestBody({ unit_id: n.unitA, priority: 'emergency' }));
    assert.equal(created.status, 'submitted');
    assert.equal(created.lease_id, n.leaseA);
    assert.equal(created.property_id, n.propertyId);
    assert.equal(created.submitted_as, 'tenant');
    assert.equal(created.sla_due_at, '2026-06-02T12:00:00.000Z');
    const [event] = await outboxOf(created.id);
    assert.equal(event.event_type, 'portfolioos.maintenance.MaintenanceRequestSubmitted');
    assert.equal(event.payload.lease_id, n.leaseA);
    assert.equal(event.payload.priority, 'EMERGENCY');
    assert.equal(event.payload.submitted_by_user_id, n.tenantAUserId);
  });

  test('a tenant of unit A cannot file for unit B, an unknown unit or a common area', async () => {
    const before = (await h.admin.query('select count(*)::int as n from maintenance_requests')).rows[0].n;
    const forB = await post('/v1/maintenance-requests', n.tenantA, requestBody({ unit_id: n.unitB }));
    assert.equal(forB.statusCode, 403, forB.body);
    const unknown = await post(
      '/v1/maintenance-requests',
      n.tenantA,
      requestBody({ unit_id: crypto.randomUUID() }),
    );
    assert.equal(unknown.statusCode, 403);
    const common = await post(
      '/v1/maintenance-requests',
      n.tenantA,
      requestBody({ property_id: n.propertyId }),
    );
    assert.equal(common.statusCode, 422);
    // Before the lease starts it is not theirs yet.
    clock = new Date('2025-12-31T12:00:00Z');
    const early = await post('/v1/maintenance-requests', n.tenantA, requestBody({ unit_id: n.unitA }));
    clock = JUNE;
    assert.equal(early.statusCode, 403);
    const afterCount = (await h.admin.query('select count(*)::int as n from maintenance_requests')).rows[0].n;
    assert.equal(afterCount, before, 'nothing stored');
  });

  test('staff file for any unit or a common area; viewers and vendors cannot file', async () => {
    const common = await file(n.staff, requestBody({ property_id: n.propertyId, category: 'other' }));
    assert.equal(common.unit_id, null);
    assert.equal(common.submitted_as, 'staff');
    const forB = await file(n.staff, requestBody({ unit_id: n.unitB }));
    assert.equal(forB.lease_id, null);
    const unknown = await post(
      '/v1/maintenance-requests',
      n.staff,
      requestBody({ unit_id: crypto.randomUUID() }),
    );
    assert.equal(unknown.statusCode, 422);
    const nowhere = await post('/v1/maintenance-requests', n.staff, requestBody());
    assert.equal(nowhere.statusCode, 422);
    for (const roles of [['viewer'], ['vendor']]) {
      const token = bearer(await h.signer.staffToken(n.orgId, roles));
      const res = await post('/v1/maintenance-requests', token, requestBody({ unit_id: n.unitA }));
      assert.equal(res.statusCode, 403, roles.join());
    }
  });

  test("a tenant reads only its own requests; another organization's staff get 404 everywhere", async () => {
    const mine = await file(n.tenantA, requestBody({ unit_id: n.unitA }));
    const theirs = await file(n.tenantB, requestBody({ unit_id: n.unitB }));
    assert.equal((await get(`/v1/maintenance-requests/${theirs.id}`, n.tenantA)).statusCode, 404);
    assert.equal((await get(`/v1/maintenance-requests/${mine.id}`, n.tenantA)).statusCode, 200);
    const listed = (await get('/v1/maintenance-requests?limit=200', n.tenantA)).json();
    assert.ok(listed.items.length > 0);
    assert.ok(
      listed.items.every((r: { submitted_by_user_id: string }) => r.submitted_by_user_id === n.tenantAUserId),
    );
    assert.equal((await post(`/v1/maintenance-requests/${theirs.id}/cancel`, n.tenantA)).statusCode, 404);

    const stranger = bearer(await h.signer.staffToken(crypto.randomUUID(), ['owner']));
    assert.equal((await get(`/v1/maintenance-requests/${mine.id}`, stranger)).statusCode, 404);
    assert.equal((await post(`/v1/maintenance-requests/${mine.id}/triage`, stranger)).statusCode, 404);
    assert.deepEqual((await get('/v1/maintenance-requests', stranger)).json().items, []);
    const staffView = (await get(`/v1/maintenance-requests?unit_id=${n.unitB}&limit=200`, n.staff)).json();
    assert.ok(staffView.items.some((r: { id: string }) => r.id === theirs.id));
  });

  test('the lifecycle: each move is an event; a move the status does not allow is 409', async () => {
    const { id } = await file(n.tenantA, requestBody({ unit_id: n.unitA }));
    assert.equal((await post(`/v1/maintenance-requests/${id}/triage`, n.tenantA)).statusCode, 403);
    assert.equal((await post(`/v1/maintenance-requests/${id}/start`, n.staff)).statusCode, 409);
    for (const action of ['triage', 'schedule', 'start', 'complete']) {
      const res = await post(`/v1/maintenance-requests/${id}/${action}`, n.staff, { note: `${action} done` });
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    }
    const invalid = await post(`/v1/maintenance-requests/${id}/schedule`, n.staff);
    assert.equal(invalid.statusCode, 409);
    assert.match(invalid.json().type, /invalid-transition$/);
    const closed = await post(`/v1/maintenance-requests/${id}/close`, n.staff, { resolution: 'resolved' });
    assert.equal(closed.json().status, 'closed');
    const types = (await outboxOf(id)).map((e) => e.event_type.split('.').pop());
    assert.deepEqual(types, [
      'MaintenanceRequestSubmitted',
      ...Array(5).fill('MaintenanceRequestStatusChanged'),
      'MaintenanceRequestClosed',
    ]);
    const changed = (await outboxOf(id))[4]!.payload;
    assert.deepEqual(
      [changed.from_status, changed.to_status, changed.note],
      ['in_progress', 'completed', 'complete done'],
    );

    // Reopened by the tenant within the window (14 days), not after it.
    clock = new Date(JUNE.getTime() + 13 * 86_400_000);
    const reopened = await post(`/v1/maintenance-requests/${id}/reopen`, n.tenantA, {
      note: 'Still dripping',
    });
    assert.equal(reopened.json().status, 'triaged', reopened.body);
    for (const action of ['schedule', 'start', 'complete'])
      assert.equal((await post(`/v1/maintenance-requests/${id}/${action}`, n.staff)).statusCode, 200);
    clock = new Date(clock.getTime() + 15 * 86_400_000);
    const late = await post(`/v1/maintenance-requests/${id}/reopen`, n.tenantA);
    clock = JUNE;
    assert.equal(late.statusCode, 409);
    assert.match(late.json().type, /reopen-window-passed$/);
  });

  test('a tenant cancels only before the work is planned', async () => {
    const early = await file(n.tenantA, requestBody({ unit_id: n.unitA }));
    assert.equal(
      (await post(`/v1/maintenance-requests/${early.id}/cancel`, n.tenantA)).json().status,
      'cancelled',
    );
    const planned = await file(n.tenantA, requestBody({ unit_id: n.unitA }));
    await post(`/v1/maintenance-requests/${planned.id}/triage`, n.staff);
    await post(`/v1/maintenance-requests/${planned.id}/schedule`, n.staff);
    assert.equal((await post(`/v1/maintenance-requests/${planned.id}/cancel`, n.tenantA)).statusCode, 409);
    assert.equal((await post(`/v1/maintenance-requests/${planned.id}/cancel`, n.staff)).statusCode, 200);
  });

  test('bad input is a problem+json 4xx that changes nothing', async () => {
    const cases: [object, number][] = [
      [requestBody({ unit_id: n.unitA, colour: 'red' }), 400],
      [requestBody({ unit_id: n.unitA, priority: 'whenever' }), 400],
      [requestBody({ unit_id: n.unitA, description: 'nul \u0000' }), 400],
      [
        requestBody({
          unit_id: n.unitA,
          availability: [{ starts_at: '2026-06-02T18:00:00Z', ends_at: '2026-06-02T14:00:00Z' }],
        }),
        422,
      ],
    ];
    for (const [body, status] of cases) {
      const res = await post('/v1/maintenance-requests', n.tenantA, body);
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    }
    assert.equal(
      (await post('/v1/maintenance-requests', {}, requestBody({ unit_id: n.unitA }))).statusCode,
      401,
    );
    const document = (await app.inject({ url: '/openapi.json' })).json();
    assert.deepEqual(requestStringsWithoutRules(document), []);
  });
});
