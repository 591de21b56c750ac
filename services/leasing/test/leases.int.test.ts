import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { avroDateToIsoDate } from '@portfolioos/schemas';
import { createLeasingHarness, bearer, subjectOf, type LeasingHarness } from './support/harness.js';
import { createTenant, leaseBody, post } from './support/flows.js';

const problemJson = 'application/problem+json; charset=utf-8';

describe('leases: drafting, the lifecycle and its events', () => {
  let h: LeasingHarness;
  before(async () => {
    h = await createLeasingHarness();
  });
  after(() => h.close());

  const eventsOf = async (leaseId: string) =>
    (
      await h.admin.query<{ event_type: string; payload: Record<string, unknown> }>(
        'select event_type, payload from outbox where key = $1 order by id',
        [leaseId],
      )
    ).rows;

  test('draft → send → sign → start → notice → end, each with its event carrying what payments needs', async (t) => {
    // 2028-03-05 in Chicago: after the end date below, so the lease can be started and ended.
    const app = await h.app(t, { now: () => new Date('2028-03-05T18:00:00Z') });
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId, ['manager']);
    const { unitId, propertyId } = await h.seedUnit(orgId, 'America/Chicago');
    const primary = await createTenant(app, token);
    const co = await createTenant(app, token, { full_name: 'Sam Whitfield' });
    const kid = await createTenant(app, token, { full_name: 'Kit Whitfield', email: null });

    const drafted = await post(
      app,
      token,
      '/v1/leases',
      leaseBody(unitId, primary, { co_tenant_ids: [co], occupant_ids: [kid], start_date: '2027-03-15' }),
    );
    assert.equal(drafted.statusCode, 201, drafted.body);
    const lease = drafted.json();
    assert.equal(lease.status, 'draft');
    assert.equal(lease.property_id, propertyId);
    assert.equal(lease.time_zone, 'America/Chicago');
    assert.deepEqual(
      lease.parties.map((p: { role: string }) => p.role),
      ['primary_tenant', 'co_tenant', 'occupant'],
    );
    // 17 of March's 31 days of 1,500.00: 1,500.00 − ⌊1,500.00 × 14 / 31⌋ (the month's last period takes
    // the rounding, so the periods of a month always add up to the rent).
    assert.deepEqual(lease.first_period, { from: '2027-03-15', to: '2027-03-31', amount_minor: 82_259 });

    const steps: [string, Record<string, unknown> | undefined, string][] = [
      ['send', undefined, 'out_for_signature'],
      ['sign', undefined, 'signed'],
      ['start', undefined, 'active'],
      ['notice', { notice_date: '2027-12-01', end_date: '2028-01-31', given_by: 'tenant' }, 'notice_given'],
      ['end', undefined, 'ended'],
    ];
    for (const [action, body, status] of steps) {
      const res = await post(app, token, `/v1/leases/${lease.id}/${action}`, body);
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
      assert.equal(res.json().status, status);
    }

    const events = await eventsOf(lease.id);
    assert.deepEqual(
      events.map((e) => e.event_type.replace('portfolioos.leasing.', '')),
      [
        'LeaseDrafted',
        'LeaseOutForSignature',
        'LeaseSigned',
        'LeaseStarted',
        'LeaseNoticeGiven',
        'LeaseEnded',
      ],
    );
    const signed = events[2]!.payload as { terms: Record<string, unknown>; organization_id: string };
    assert.equal(signed.organization_id, orgId);
    assert.deepEqual(
      {
        ...signed.terms,
        start_date: avroDateToIsoDate(signed.terms.start_date as number),
        end_date: avroDateToIsoDate(signed.terms.end_date as number),
        parties: (signed.terms.parties as { role: string }[]).map((p) => p.role),
      },
      {
        property_id: propertyId,
        unit_id: unitId,
        parties: ['PRIMARY_TENANT', 'CO_TENANT', 'OCCUPANT'],
        start_date: '2027-03-15',
        end_date: '2028-02-29',
        currency: 'USD',
        rent_amount_minor: 150_000,
        rent_due_day: 1,
        rent_schedule: [],
        deposit_amount_minor: 150_000,
        recurring_charges: [
          { kind: 'PARKING', description: 'Space 14', amount_minor: 7_500, frequency: 'MONTHLY' },
        ],
        time_zone: 'America/Chicago',
        move_in_date: null,
        first_month_proration: 'BY_DAYS',
        late_fee_policy: {
          grace_days: 5,
          calculation: 'PERCENT_OF_RENT',
          amount_minor: null,
          rate_basis_points: 500,
          frequency: 'DAILY',
          max_total_minor: 7_500,
        },
      },
    );
    // Signers are the adults with an e-mail: the primary and the co-tenant, not the occupant.
    assert.equal((events[1]!.payload.signer_emails as string[]).length, 2);
    assert.equal(avroDateToIsoDate(events[4]!.payload.end_date as number), '2028-01-31');
  });

  test('cancel, terminate and renew; every transition a status does not allow is a 409 problem', async (t) => {
    const app = await h.app(t, { now: () => new Date('2027-06-01T12:00:00Z') });
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId);
    const { unitId } = await h.seedUnit(orgId);
    const tenant = await createTenant(app, token);
    const draft = async (overrides = {}) => {
      const res = await post(app, token, '/v1/leases', leaseBody(unitId, tenant, overrides));
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };

    const cancelled = await draft();
    assert.equal(
      (await post(app, token, `/v1/leases/${cancelled}/cancel`, { reason: 'typo' })).json().status,
      'cancelled',
    );
    for (const action of ['send', 'sign', 'start', 'end', 'cancel']) {
      const res = await post(
        app,
        token,
        `/v1/leases/${cancelled}/${action}`,
        action === 'cancel' ? {} : undefined,
      );
      assert.equal(res.statusCode, 409, `${action} of a cancelled lease`);
      assert.equal(res.headers['content-type'], problemJson);
      assert.match(res.json().type, /invalid-transition$/);
    }

    // The cancelled lease freed its dates: a new one for the same dates is fine.
    const lease = await draft({ term_kind: 'month_to_month', end_date: null });
    assert.equal((await post(app, token, `/v1/leases/${lease}/start`)).statusCode, 409, 'start a draft');
    assert.equal((await post(app, token, `/v1/leases/${lease}/sign`)).statusCode, 409, 'sign before sending');
    await post(app, token, `/v1/leases/${lease}/send`);
    await post(app, token, `/v1/leases/${lease}/sign`);
    // It starts 2027-03-01; today is 2027-06-01 there.
    assert.equal((await post(app, token, `/v1/leases/${lease}/start`)).json().status, 'active');
    const notEnded = await post(app, token, `/v1/leases/${lease}/end`);
    assert.equal(notEnded.statusCode, 409, 'a month-to-month lease without notice does not end');
    assert.match(notEnded.json().type, /not-ended-yet$/);

    const renewed = await post(app, token, `/v1/leases/${lease}/renew`, {
      term_kind: 'fixed',
      start_date: '2027-09-01',
      end_date: '2028-08-31',
      rent_minor: 160_000,
    });
    assert.equal(renewed.statusCode, 201, renewed.body);
    const renewal = renewed.json();
    assert.equal(renewal.status, 'draft');
    assert.equal(renewal.renewal_of_lease_id, lease);
    assert.equal(renewal.rent_minor, 160_000);
    const old = (await app.inject({ url: `/v1/leases/${lease}`, headers: bearer(token) })).json();
    assert.equal(old.end_date, '2027-08-31', 'the open-ended lease ends the day before its renewal');
    assert.equal(old.renewed_by_lease_id, renewal.id);
    assert.equal(
      (
        await post(app, token, `/v1/leases/${lease}/renew`, {
          term_kind: 'month_to_month',
          start_date: '2028-09-01',
        })
      ).statusCode,
      409,
    );

    const terminated = await post(app, token, `/v1/leases/${lease}/terminate`, {
      termination_date: '2027-07-15',
      reason: 'mutual_agreement',
    });
    assert.equal(terminated.json().status, 'terminated');
    assert.equal(terminated.json().end_date, '2027-07-15');
    for (const action of ['send', 'sign', 'start', 'end'])
      assert.equal((await post(app, token, `/v1/leases/${lease}/${action}`)).statusCode, 409, action);
    const notice = { notice_date: '2027-07-01', end_date: '2027-07-31', given_by: 'landlord' };
    assert.equal((await post(app, token, `/v1/leases/${lease}/notice`, notice)).statusCode, 409);
    assert.deepEqual(
      (await eventsOf(lease)).map((e) => e.event_type.replace('portfolioos.leasing.', '')),
      [
        'LeaseDrafted',
        'LeaseOutForSignature',
        'LeaseSigned',
        'LeaseStarted',
        'LeaseRenewed',
        'LeaseTerminated',
      ],
    );
    assert.equal((await eventsOf(cancelled)).at(-1)?.event_type, 'portfolioos.leasing.LeaseCancelled');
  });

  test('bad terms are 400/422 problems and change nothing', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId);
    const { unitId } = await h.seedUnit(orgId);
    const tenant = await createTenant(app, token);
    const cases: [Record<string, unknown>, number][] = [
      [{ rent_minor: 1500.5 }, 400],
      [{ rent_due_day: 31 }, 400],
      [{ colour: 'red' }, 400],
      [{ end_date: null }, 422],
      [{ term_kind: 'month_to_month' }, 422],
      [{ end_date: '2027-01-01' }, 422],
      [{ late_fee_policy: { grace_days: 3, calculation: 'flat', frequency: 'daily' } }, 422],
      [{ unit_id: crypto.randomUUID() }, 422],
      [{ co_tenant_ids: [tenant] }, 422],
      [{ occupant_ids: [crypto.randomUUID()] }, 422],
    ];
    for (const [overrides, status] of cases) {
      const res = await post(app, token, '/v1/leases', leaseBody(unitId, tenant, overrides));
      assert.equal(res.statusCode, status, `${JSON.stringify(overrides)}: ${res.body}`);
      assert.equal(res.headers['content-type'], problemJson);
    }
    const { rows } = await h.admin.query('select count(*)::int as n from leases where org_id = $1', [orgId]);
    assert.equal(rows[0].n, 0);
  });

  test('two concurrent drafts of overlapping dates: the database lets one in, the other gets 409', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId);
    const { unitId } = await h.seedUnit(orgId);
    const tenant = await createTenant(app, token);
    const results = await Promise.all(
      [
        { start_date: '2027-03-01', end_date: '2028-02-29' },
        { start_date: '2027-06-01', end_date: '2028-05-31' },
        { start_date: '2028-02-29', term_kind: 'month_to_month', end_date: null },
        // Overlaps each of the others (ending 2027-03-01 it overlapped only the first, so it and the
        // second could both get in when they happened to win the race).
        { start_date: '2026-01-01', end_date: '2028-03-01' },
      ].map((dates) => post(app, token, '/v1/leases', leaseBody(unitId, tenant, dates))),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409], results.map((r) => r.body).join('\n'));
    for (const res of results.filter((r) => r.statusCode === 409))
      assert.match(res.json().type, /lease-overlap$/);
    // Back to back is not an overlap: the day after the winner's end.
    const winner = results.find((r) => r.statusCode === 201)!.json();
    const next = await post(
      app,
      token,
      '/v1/leases',
      leaseBody(unitId, tenant, {
        start_date: new Date(Date.parse(winner.end_date ?? '2099-01-01') + 86_400_000)
          .toISOString()
          .slice(0, 10),
        term_kind: 'month_to_month',
        end_date: null,
      }),
    );
    assert.equal(next.statusCode, winner.end_date ? 201 : 409, next.body);
  });

  test('occupancy at a time-zone boundary: 2027-03-01 has begun in Auckland but not in Los Angeles', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId);
    const auckland = await h.seedUnit(orgId, 'Pacific/Auckland');
    const losAngeles = await h.seedUnit(orgId, 'America/Los_Angeles');
    const tenant = await createTenant(app, token);
    const ids: Record<string, string> = {};
    for (const [name, unit] of [
      ['auckland', auckland],
      ['la', losAngeles],
    ] as const) {
      const id = (await post(app, token, '/v1/leases', leaseBody(unit.unitId, tenant))).json().id;
      await post(app, token, `/v1/leases/${id}/send`);
      assert.equal((await post(app, token, `/v1/leases/${id}/sign`)).statusCode, 200);
      ids[name] = id;
    }
    const occupying = async (query: string) =>
      (await app.inject({ url: `/v1/leases?${query}`, headers: bearer(token) }))
        .json()
        .items.map((l: { id: string }) => l.id);
    // 2027-02-28T11:30Z is 2027-03-01 00:30 in Auckland (UTC+13) and 2027-02-28 03:30 in Los Angeles.
    assert.deepEqual(await occupying('active_at=2027-02-28T11:30:00Z'), [ids.auckland]);
    assert.deepEqual(await occupying(`unit_id=${losAngeles.unitId}&active_at=2027-02-28T11:30:00Z`), []);
    assert.deepEqual(await occupying(`unit_id=${losAngeles.unitId}&active_at=2027-03-01T08:00:00Z`), [
      ids.la,
    ]);
    assert.deepEqual(await occupying('active_on=2027-03-01'), [ids.auckland, ids.la]);
    assert.deepEqual(await occupying('active_on=2027-02-28'), []);
    assert.deepEqual(await occupying(`unit_id=${auckland.unitId}&active_on=2028-02-29`), [ids.auckland]);
    assert.deepEqual(await occupying(`unit_id=${auckland.unitId}&active_on=2028-03-01`), []);
    // A draft occupies nothing.
    const unit = await h.seedUnit(orgId, 'Pacific/Auckland');
    await post(app, token, '/v1/leases', leaseBody(unit.unitId, tenant));
    assert.deepEqual(await occupying(`unit_id=${unit.unitId}&active_on=2027-03-01`), []);
  });

  test('another organization gets 404 on every route; a tenant sees only its own leases', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId);
    const { unitId } = await h.seedUnit(orgId);
    const other = await h.seedUnit(orgId);
    const portalToken = await h.signer.staffToken(orgId, ['tenant']);
    const neighbourToken = await h.signer.staffToken(orgId, ['tenant']);
    const tenant = await createTenant(app, token, { user_id: subjectOf(portalToken) });
    const neighbour = await createTenant(app, token, { user_id: subjectOf(neighbourToken) });
    const lease = (await post(app, token, '/v1/leases', leaseBody(unitId, tenant))).json().id;
    const theirs = (await post(app, token, '/v1/leases', leaseBody(other.unitId, neighbour))).json().id;

    const stranger = await h.signer.staffToken(crypto.randomUUID());
    const routes: [string, string, object?][] = [
      ['GET', `/v1/leases/${lease}`],
      ['GET', `/v1/tenants/${tenant}`],
      ['PATCH', `/v1/tenants/${tenant}`, { phone: '+15125550100' }],
      ['GET', `/v1/tenants/${tenant}/leases`],
      ['POST', `/v1/leases/${lease}/send`],
      ['POST', `/v1/leases/${lease}/sign`],
      ['POST', `/v1/leases/${lease}/start`],
      ['POST', `/v1/leases/${lease}/end`],
      ['POST', `/v1/leases/${lease}/cancel`, {}],
      [
        'POST',
        `/v1/leases/${lease}/notice`,
        { notice_date: '2027-04-01', end_date: '2027-05-31', given_by: 'tenant' },
      ],
      ['POST', `/v1/leases/${lease}/terminate`, { termination_date: '2027-04-01', reason: 'other' }],
      ['POST', `/v1/leases/${lease}/renew`, { term_kind: 'month_to_month', start_date: '2028-03-01' }],
    ];
    for (const [method, url, payload] of routes) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: bearer(stranger),
        ...(payload ? { payload } : {}),
      });
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    }
    // Drafting in another organization with this one's unit and tenant: neither exists there.
    assert.equal((await post(app, stranger, '/v1/leases', leaseBody(unitId, tenant))).statusCode, 422);
    const list = await app.inject({ url: '/v1/leases', headers: bearer(stranger) });
    assert.deepEqual(list.json().items, []);
    assert.deepEqual((await app.inject({ url: '/v1/tenants', headers: bearer(stranger) })).json().items, []);

    const mine = await app.inject({ url: '/v1/leases', headers: bearer(portalToken) });
    assert.deepEqual(
      mine.json().items.map((l: { id: string }) => l.id),
      [lease],
    );
    assert.equal(
      (await app.inject({ url: `/v1/leases/${lease}`, headers: bearer(portalToken) })).statusCode,
      200,
    );
    assert.equal(
      (await app.inject({ url: `/v1/leases/${theirs}`, headers: bearer(portalToken) })).statusCode,
      404,
    );
    // Tenants cannot see the tenant directory or change leases.
    assert.equal((await app.inject({ url: '/v1/tenants', headers: bearer(portalToken) })).statusCode, 403);
    assert.equal((await post(app, portalToken, `/v1/leases/${lease}/send`)).statusCode, 403);
    const viewer = await h.signer.staffToken(orgId, ['viewer']);
    assert.equal((await post(app, viewer, `/v1/leases/${lease}/send`)).statusCode, 403);
    assert.equal(
      (await app.inject({ url: `/v1/tenants/${tenant}/leases`, headers: bearer(viewer) })).json().items
        .length,
      1,
    );
  });
});
