import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { acceptInvitation } from './support/apply-upstream.js';
import {
  bearer,
  callsOn,
  createMaintenanceHarness,
  subjectOf,
  type MaintenanceHarness,
} from './support/harness.js';
import { requestBody, seedNeighbourhood, vendorBody, type Neighbourhood } from './support/people.js';

describe('work orders: vendors see and change only their own', () => {
  let h: MaintenanceHarness;
  let n: Neighbourhood;
  let app: ServiceApp;
  const vendors: { id: string; token: Record<string, string> }[] = [];
  let requestId: string;
  before(async () => {
    h = await createMaintenanceHarness();
    n = await seedNeighbourhood(h.handle.db, h.signer);
    app = await h.app({ after: () => undefined });
    for (let i = 0; i < 2; i += 1) {
      const vendor = (await callsOn(app).post('/v1/vendors', n.staff, vendorBody())).json();
      const token = await h.signer.staffToken(n.orgId, ['vendor']);
      await acceptInvitation(h.handle.db, n.orgId, vendor.email, subjectOf(token));
      vendors.push({ id: vendor.id, token: bearer(token) });
    }
    requestId = (
      await callsOn(app).post('/v1/maintenance-requests', n.tenantA, requestBody({ unit_id: n.unitA }))
    ).json().id;
  });
  after(async () => {
    await app.close();
    await h.close();
  });
  const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
    callsOn(app).post(url, headers, payload);
  const get = (url: string, headers: Record<string, string>) => callsOn(app).get(url, headers);
  const open = async (overrides: object = {}) => {
    const res = await post('/v1/work-orders', n.staff, {
      request_id: requestId,
      vendor_id: vendors[0]!.id,
      title: 'Fix the sink',
      instructions: 'Replace the trap under the kitchen sink.',
      access_details: 'Key in lockbox 4411',
      not_to_exceed_minor: 30_000,
      currency: 'USD',
      ...overrides,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const events = async (key: string) =>
    (await h.admin.query('select event_type, payload from outbox where key = $1 order by id', [key])).rows;
  const completion = (labor: number, materials: number[]) => ({
    notes: 'Replaced the P-trap.',
    labor_minutes: 90,
    labor_cost_minor: labor,
    materials: materials.map((cost_minor, i) => ({ description: `part ${i}`, cost_minor })),
    invoice_amount_minor: labor + materials.reduce((a, b) => a + b, 0),
  });

  test('vendor X never sees vendor Y’s work orders nor their access details', async () => {
    const wo = await open();
    assert.equal(wo.category, 'plumbing', 'from the request');
    assert.equal(wo.unit_id, n.unitA);
    const [mine, other] = vendors as [(typeof vendors)[0], (typeof vendors)[0]];
    assert.equal(
      (await get(`/v1/work-orders/${wo.id}`, mine.token)).json().access_details,
      'Key in lockbox 4411',
    );
    assert.equal((await get(`/v1/work-orders/${wo.id}`, other.token)).statusCode, 404);
    assert.equal((await post(`/v1/work-orders/${wo.id}/accept`, other.token)).statusCode, 404);
    const listed = (await get('/v1/work-orders', other.token)).json().items;
    assert.ok(listed.every((w: { vendor_id: string }) => w.vendor_id === other.id));
    assert.equal((await get('/v1/work-orders', n.tenantA)).statusCode, 403);
    const unlinked = bearer(await h.signer.staffToken(n.orgId, ['vendor']));
    assert.deepEqual((await get('/v1/work-orders', unlinked)).json().items, []);
    const stranger = bearer(await h.signer.staffToken(crypto.randomUUID(), ['owner']));
    assert.equal((await get(`/v1/work-orders/${wo.id}`, stranger)).statusCode, 404);
    assert.equal((await post(`/v1/work-orders/${wo.id}/cancel`, stranger)).statusCode, 404);
    assert.equal((await post(`/v1/work-orders/${wo.id}/approve-cost`, stranger)).statusCode, 404);
    const types = (await events(wo.id)).map((e) => e.event_type.split('.').pop());
    assert.deepEqual(types, ['WorkOrderCreated', 'WorkOrderAssigned']);
  });

  test('within the not-to-exceed, completion is the approved cost event; a completed order is final', async () => {
    const wo = await open();
    const vendor = vendors[0]!.token;
    assert.equal((await post(`/v1/work-orders/${wo.id}/start`, n.staff)).statusCode, 403);
    assert.equal(
      (await post(`/v1/work-orders/${wo.id}/complete`, vendor, completion(100, []))).statusCode,
      409,
    );
    assert.equal(
      (await post(`/v1/work-orders/${wo.id}/accept`, vendor, { notes: 'Tomorrow' })).statusCode,
      200,
    );
    const scheduled = await post(`/v1/work-orders/${wo.id}/schedule`, vendor, {
      window_start: '2026-06-03T14:00:00Z',
      window_end: '2026-06-03T16:00:00Z',
    });
    assert.equal(scheduled.json().status, 'scheduled', scheduled.body);
    assert.equal((await post(`/v1/work-orders/${wo.id}/start`, vendor)).statusCode, 200);
    const wrongTotal = await post(`/v1/work-orders/${wo.id}/complete`, vendor, {
      ...completion(15_000, [4_500]),
      invoice_amount_minor: 1,
    });
    assert.equal(wrongTotal.statusCode, 422);
    const done = await post(`/v1/work-orders/${wo.id}/complete`, vendor, completion(15_000, [4_500]));
    assert.equal(done.json().cost_approval, 'approved', done.body);
    for (const action of ['start', 'complete', 'schedule', 'decline']) {
      const again = await post(
        `/v1/work-orders/${wo.id}/${action}`,
        vendor,
        action === 'complete'
          ? completion(1, [])
          : action === 'schedule'
            ? { window_start: '2026-06-04T14:00:00Z' }
            : {},
      );
      assert.equal(again.statusCode, 409, `${action} after completion`);
    }
    const completed = (await events(wo.id)).filter((e) => e.event_type.endsWith('WorkOrderCompleted'));
    assert.equal(completed.length, 1);
    assert.deepEqual(
      [
        completed[0].payload.labor_cost_minor,
        completed[0].payload.materials_cost_minor,
        completed[0].payload.currency,
      ],
      [15_000, 4_500, 'USD'],
    );
    assert.equal((await get(`/v1/work-orders/${wo.id}`, vendor)).json().invoice_amount_minor, 19_500);
  });

  test('over the not-to-exceed, staff approve before the cost goes to the books', async () => {
    const wo = await open({ request_id: undefined, unit_id: n.unitB, category: 'hvac', priority: 'routine' });
    const vendor = vendors[0]!.token;
    for (const action of ['accept', 'start']) await post(`/v1/work-orders/${wo.id}/${action}`, vendor);
    const done = await post(`/v1/work-orders/${wo.id}/complete`, vendor, completion(25_000, [10_000]));
    assert.equal(done.json().cost_approval, 'pending');
    assert.equal((await events(wo.id)).filter((e) => e.event_type.endsWith('WorkOrderCompleted')).length, 0);
    assert.equal((await post(`/v1/work-orders/${wo.id}/approve-cost`, vendor)).statusCode, 403);
    const viewer = bearer(await h.signer.staffToken(n.orgId, ['viewer']));
    assert.equal((await post(`/v1/work-orders/${wo.id}/approve-cost`, viewer)).statusCode, 403);
    const approved = await post(`/v1/work-orders/${wo.id}/approve-cost`, n.staff);
    assert.equal(approved.json().cost_approval, 'approved', approved.body);
    assert.equal((await post(`/v1/work-orders/${wo.id}/approve-cost`, n.staff)).statusCode, 409);
    const completed = (await events(wo.id)).filter((e) => e.event_type.endsWith('WorkOrderCompleted'));
    assert.equal(completed.length, 1);
    assert.equal(completed[0].payload.category, 'HVAC');
  });

  test('bad input: unknown vendor or request, backwards windows, unknown fields', async () => {
    const base = {
      vendor_id: vendors[0]!.id,
      title: 't',
      instructions: 'i',
      currency: 'USD',
      request_id: requestId,
    };
    assert.equal(
      (await post('/v1/work-orders', n.staff, { ...base, vendor_id: crypto.randomUUID() })).statusCode,
      422,
    );
    assert.equal(
      (await post('/v1/work-orders', n.staff, { ...base, request_id: crypto.randomUUID() })).statusCode,
      422,
    );
    const backwards = { ...base, window_start: '2026-06-03T16:00:00Z', window_end: '2026-06-03T14:00:00Z' };
    assert.equal((await post('/v1/work-orders', n.staff, backwards)).statusCode, 422);
    assert.equal((await post('/v1/work-orders', n.staff, { ...base, colour: 'red' })).statusCode, 400);
    assert.equal((await post('/v1/work-orders', vendors[0]!.token, base)).statusCode, 403);
  });
});
