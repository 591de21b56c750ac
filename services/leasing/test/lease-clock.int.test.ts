import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { applyDueLeaseDates } from '../src/leases/lease-clock.js';
import { createLeasingHarness, type LeasingHarness } from './support/harness.js';
import { createTenant, leaseBody, post } from './support/flows.js';

describe("the lease clock: leases start and end at midnight in their property's zone, once", () => {
  let h: LeasingHarness;
  before(async () => {
    h = await createLeasingHarness();
  });
  after(() => h.close());

  const eventsOf = async (leaseId: string) =>
    (
      await h.admin.query<{ event_type: string }>(
        'select event_type from outbox where key = $1 order by id',
        [leaseId],
      )
    ).rows.map((r) => r.event_type.replace('portfolioos.leasing.', ''));
  const statusOf = async (leaseId: string) =>
    (await h.admin.query('select status from leases where id = $1', [leaseId])).rows[0].status as string;
  const sweepTwice = async (at: string) => {
    // Two replicas at once: each lease moves once between them.
    const [a, b] = await Promise.all([
      applyDueLeaseDates(h.handle.db, new Date(at)),
      applyDueLeaseDates(h.handle.db, new Date(at)),
    ]);
    return a + b;
  };

  test('2027-03-01 begins in Auckland 20 hours before Los Angeles; ends the day after the last', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId, ['manager']);
    const tenant = await createTenant(app, token);
    const signedLease = async (timeZone: string, dates: Record<string, unknown>) => {
      const { unitId } = await h.seedUnit(orgId, timeZone);
      const lease = await post(app, token, '/v1/leases', leaseBody(unitId, tenant, dates));
      assert.equal(lease.statusCode, 201, lease.body);
      const id: string = lease.json().id;
      assert.equal(
        (await post(app, token, `/v1/leases/${id}/send`, { signing_method: 'paper' })).statusCode,
        200,
      );
      assert.equal((await post(app, token, `/v1/leases/${id}/sign`)).statusCode, 200);
      return id;
    };
    const year = { start_date: '2027-03-01', end_date: '2027-03-31' };
    const auckland = await signedLease('Pacific/Auckland', year);
    const la = await signedLease('America/Los_Angeles', year);
    // Both dates long past when the clock first runs: started, then ended, in one sweep.
    const past = await signedLease('America/Chicago', { start_date: '2026-01-01', end_date: '2026-06-30' });

    // 2027-02-28 11:30 UTC: 00:30 on March 1st in Auckland, 03:30 on February 28th in Los Angeles.
    assert.equal(await sweepTwice('2027-02-28T11:30:00Z'), 3);
    assert.equal(await statusOf(auckland), 'active');
    assert.equal(await statusOf(la), 'signed');
    assert.equal(await statusOf(past), 'ended');
    assert.deepEqual((await eventsOf(past)).slice(-2), ['LeaseStarted', 'LeaseEnded']);
    assert.equal(await sweepTwice('2027-02-28T11:31:00Z'), 0, 'nothing twice');

    // Midnight in Los Angeles (still PST, UTC-8) is 08:00 UTC.
    assert.equal(await sweepTwice('2027-03-01T07:59:00Z'), 0);
    assert.equal(await sweepTwice('2027-03-01T08:00:00Z'), 1);
    assert.equal(await statusOf(la), 'active');

    // The last day is March 31st: ended once April 1st has begun there.
    assert.equal(await sweepTwice('2027-03-31T10:59:00Z'), 0, 'still March 31st in Auckland (NZDT, UTC+13)');
    assert.equal(await sweepTwice('2027-03-31T11:00:00Z'), 1);
    assert.equal(await statusOf(auckland), 'ended');
    assert.equal(await sweepTwice('2027-04-01T07:00:00Z'), 1, 'midnight in Los Angeles (PDT by then, UTC-7)');
    for (const id of [auckland, la]) {
      const events = await eventsOf(id);
      assert.equal(events.filter((e) => e === 'LeaseStarted').length, 1);
      assert.equal(events.filter((e) => e === 'LeaseEnded').length, 1);
    }
  });
});
