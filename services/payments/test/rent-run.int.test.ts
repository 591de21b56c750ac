import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { runRentForAll } from '../src/rent-run/rent-run-worker.js';
import { bearer, createPaymentsHarness, type PaymentsHarness } from './support/harness.js';
import { seedLease } from './support/leases.js';

describe('the rent run', () => {
  let h: PaymentsHarness;
  let app: ServiceApp;
  const closing: (() => unknown)[] = [];
  before(async () => {
    h = await createPaymentsHarness();
    app = await h.app({ after: (fn) => closing.push(fn as () => unknown) });
  });
  after(async () => {
    for (const close of closing) await close();
    await h.close();
  });

  const rentRun = (token: string, asOf: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/charges/rent-run',
      headers: { ...bearer(token), 'idempotency-key': crypto.randomUUID() },
      payload: { as_of: asOf },
    });
  const charges = async (leaseId: string) =>
    (
      await h.admin.query(
        `select schedule_key, period_start::text, due_date::text, amount_minor::int from charges
          where lease_id = $1 order by period_start, schedule_key`,
        [leaseId],
      )
    ).rows;

  test('staff run as_of posts each due period once, prorating the first month; a re-run adds nothing', async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const leaseId = await seedLease(h.handle.db, orgId, { startDate: '2026-01-15', rentMinor: 155_000 });
    const first = await rentRun(owner, '2026-02-01');
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { as_of: '2026-02-01', leases: 1, charges_posted: 2 });
    assert.equal((await rentRun(owner, '2026-02-01')).json().charges_posted, 0);
    assert.deepEqual(await charges(leaseId), [
      { schedule_key: 'rent', period_start: '2026-01-15', due_date: '2026-01-15', amount_minor: 85_000 },
      { schedule_key: 'rent', period_start: '2026-02-01', due_date: '2026-02-01', amount_minor: 155_000 },
    ]);
    const viewer = await h.signer.staffToken(orgId, ['viewer']);
    assert.equal((await rentRun(viewer, '2026-03-01')).statusCode, 403);
    const events = await h.admin.query(
      `select count(*)::int as n from outbox where organization_id = $1 and event_type = 'portfolioos.payments.ChargePosted'`,
      [orgId],
    );
    assert.equal(events.rows[0].n, 2);
  });

  test("the automatic run uses the property's calendar date, and two replicas at once add nothing twice", async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const leaseId = await seedLease(h.handle.db, orgId, {
      startDate: '2026-02-01',
      timeZone: 'America/Chicago',
    });
    // 05:30 UTC on March 1st is still February 28th in Chicago: March's rent is not due yet.
    await runRentForAll(h.handle.db, new Date('2026-03-01T05:30:00Z'));
    assert.deepEqual(
      (await charges(leaseId)).map((c) => c.period_start),
      ['2026-02-01'],
    );
    const march = new Date('2026-03-01T06:30:00Z');
    await Promise.all([runRentForAll(h.handle.db, march), runRentForAll(h.handle.db, march)]);
    assert.deepEqual(
      (await charges(leaseId)).map((c) => c.period_start),
      ['2026-02-01', '2026-03-01'],
    );
    const ledger = await app.inject({ url: `/v1/ledger/leases/${leaseId}`, headers: bearer(owner) });
    assert.equal(ledger.json().balance_minor, 300_000);
  });
});
