import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { bearer, createPaymentsHarness, subjectOf, type PaymentsHarness } from './support/harness.js';
import { seedLease } from './support/leases.js';

describe('the ledger through HTTP and PostgreSQL', () => {
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

  const post = (url: string, token: string, payload: object, key: string | null = crypto.randomUUID()) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) },
    });
  const get = (url: string, token: string) => app.inject({ url, headers: bearer(token) });
  const rent = (leaseId: string, amount = 150_000, due = '2026-01-01') => ({
    lease_id: leaseId,
    charge_type: 'RENT',
    description: `Rent ${due}`,
    amount_minor: amount,
    currency: 'USD',
    due_date: due,
  });
  const check = (leaseId: string, amount: number, reference = '1042') => ({
    lease_id: leaseId,
    method: 'CHECK',
    reference,
    amount_minor: amount,
    currency: 'USD',
    received_on: '2026-01-03',
  });

  test('a partial payment leaves the rest open; an overpayment is credit applied to the next charge', async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const leaseId = await seedLease(h.handle.db, orgId);
    const charge = await post('/v1/charges', owner, rent(leaseId));
    assert.equal(charge.statusCode, 201, charge.body);
    const paid = await post('/v1/payments', owner, check(leaseId, 100_000));
    assert.equal(paid.statusCode, 201, paid.body);
    assert.deepEqual(
      paid
        .json()
        .allocations.map((a: { charge_id: string; amount_minor: number }) => [a.charge_id, a.amount_minor]),
      [[charge.json().id, 100_000]],
    );
    assert.equal((await get(`/v1/charges/${charge.json().id}`, owner)).json().open_amount_minor, 50_000);

    const over = (await post('/v1/payments', owner, check(leaseId, 80_000, '1043'))).json();
    assert.equal(over.unapplied_amount_minor, 30_000);
    const next = (await post('/v1/charges', owner, rent(leaseId, 150_000, '2026-02-01'))).json();
    assert.equal(next.open_amount_minor, 120_000, 'the credit went to the new charge');

    const ledger = (await get(`/v1/ledger/leases/${leaseId}`, owner)).json();
    assert.equal(ledger.balance_minor, 120_000);
    assert.equal(ledger.tenant_credit_minor, 0);
    assert.equal(
      ledger.entries.at(-1).balance_minor,
      ledger.balance_minor,
      'running balance ends on Σ charges − Σ allocations',
    );
    // The receivable moves: rent, the check, the overpayment (only 50,000 of it), rent, the credit applied.
    assert.deepEqual(
      ledger.entries.map((e: { amount_minor: number }) => e.amount_minor),
      [150_000, -100_000, -50_000, 150_000, -30_000],
    );
    const trial = (await get('/v1/ledger/trial-balance', owner)).json();
    assert.equal(trial.totals.length, 1);
    assert.equal(trial.totals[0].debit_minor, trial.totals[0].credit_minor);
    const cash = trial.accounts.find((a: { code: string }) => a.code === '1000');
    assert.equal(cash.balance_minor, 180_000);
  });

  test('money rows refuse UPDATE, DELETE and TRUNCATE; an unbalanced journal entry does not commit', async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const leaseId = await seedLease(h.handle.db, orgId);
    const charge = (await post('/v1/charges', owner, rent(leaseId))).json();
    for (const statement of [
      `update charges set amount_minor = 1 where id = '${charge.id}'`,
      `delete from charges where id = '${charge.id}'`,
      `delete from journal_lines`,
      `update journal_entries set description = 'edited'`,
      `truncate allocations`,
    ])
      await assert.rejects(h.admin.query(statement), /money records are immutable/, statement);
    const client = await h.admin.connect();
    try {
      await client.query('begin');
      const entryId = crypto.randomUUID();
      const { rows } = await client.query(`select id from accounts where org_id = $1 and code = '1000'`, [
        orgId,
      ]);
      await client.query(
        `insert into journal_entries (id, org_id, description, source_type, source_id) values ($1, $2, 'x', 'charge', $1)`,
        [entryId, orgId],
      );
      await client.query(
        `insert into journal_lines (entry_id, org_id, account_id, currency, amount_minor) values ($1, $2, $3, 'USD', 100)`,
        [entryId, orgId, rows[0].id],
      );
      await assert.rejects(client.query('commit'), /does not balance/);
    } finally {
      client.release();
    }
    const stored = await h.admin.query('select amount_minor from charges where id = $1', [charge.id]);
    assert.equal(Number(stored.rows[0].amount_minor), 150_000);
  });

  test('Idempotency-Key: same key and body replay the response, another body is a 422, none is a 400', async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const leaseId = await seedLease(h.handle.db, orgId);
    const key = crypto.randomUUID();
    const first = await post('/v1/payments', owner, check(leaseId, 5_000), key);
    const again = await post('/v1/payments', owner, check(leaseId, 5_000), key);
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), first.json());
    const other = await post('/v1/payments', owner, check(leaseId, 6_000), key);
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().type, 'https://portfolioos.dev/problems/idempotency-key-reused');
    assert.equal((await post('/v1/payments', owner, check(leaseId, 5_000), null)).statusCode, 400);
    const { rows } = await h.admin.query('select count(*)::int as n from payments where lease_id = $1', [
      leaseId,
    ]);
    assert.equal(rows[0].n, 1);
  });

  test('concurrent payments on one lease never over-allocate a charge', async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const leaseId = await seedLease(h.handle.db, orgId);
    const charge = (await post('/v1/charges', owner, rent(leaseId, 100_000))).json();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post('/v1/payments', owner, check(leaseId, 30_000, `c${i}`))),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      Array(8).fill(201),
    );
    const { rows } = await h.admin.query(
      `select (select sum(amount_minor)::int from allocations where charge_id = $1) as allocated,
              (select sum(amount_minor)::int from payments where lease_id = $2) as paid`,
      [charge.id, leaseId],
    );
    assert.deepEqual(rows[0], { allocated: 100_000, paid: 240_000 });
    const ledger = (await get(`/v1/ledger/leases/${leaseId}`, owner)).json();
    assert.equal(ledger.balance_minor, 0);
    assert.equal(ledger.tenant_credit_minor, 140_000);
  });

  test('reversals: a bounced check reopens its charge, a voided charge frees its payment, never twice', async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const leaseId = await seedLease(h.handle.db, orgId);
    const charge = (await post('/v1/charges', owner, rent(leaseId, 100_000))).json();
    const payment = (await post('/v1/payments', owner, check(leaseId, 100_000))).json();
    const bounced = await post(`/v1/payments/${payment.id}/reversal`, owner, { reason: 'NSF' });
    assert.equal(bounced.statusCode, 201, bounced.body);
    assert.equal(bounced.json().reversed, true);
    assert.equal((await get(`/v1/charges/${charge.id}`, owner)).json().open_amount_minor, 100_000);
    assert.equal(
      (await post(`/v1/payments/${payment.id}/reversal`, owner, { reason: 'again' })).statusCode,
      409,
    );

    const second = (await post('/v1/payments', owner, check(leaseId, 100_000, '1050'))).json();
    const voided = await post(`/v1/charges/${charge.id}/reversal`, owner, { reason: 'posted twice' });
    assert.equal(voided.statusCode, 201, voided.body);
    assert.equal(voided.json().charge.voided, true);
    assert.equal((await get(`/v1/payments/${second.id}`, owner)).json().unapplied_amount_minor, 100_000);
    const credit = await post(`/v1/charges/${charge.id}/credits`, owner, {
      amount_minor: 1,
      kind: 'WAIVER',
      reason: 'x',
    });
    assert.equal(credit.statusCode, 409);
    const { rows } = await h.admin.query(
      'select event_type from outbox where organization_id = $1 order by id',
      [orgId],
    );
    assert.deepEqual([...new Set(rows.map((r) => r.event_type))].sort(), [
      'portfolioos.payments.ChargePosted',
      'portfolioos.payments.ChargeReversed',
      'portfolioos.payments.PaymentAllocated',
      'portfolioos.payments.PaymentFailed',
      'portfolioos.payments.PaymentSucceeded',
    ]);
  });

  test('credits, deposits held, and currencies that do not mix', async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const leaseId = await seedLease(h.handle.db, orgId);
    const fee = (
      await post('/v1/charges', owner, { ...rent(leaseId, 5_000), charge_type: 'LATE_FEE' })
    ).json();
    const waived = await post(`/v1/charges/${fee.id}/credits`, owner, {
      amount_minor: 5_000,
      kind: 'WAIVER',
      reason: 'first time',
    });
    assert.equal(waived.statusCode, 201, waived.body);
    assert.equal(waived.json().charge.open_amount_minor, 0);
    const deposit = (
      await post('/v1/charges', owner, { ...rent(leaseId, 200_000), charge_type: 'DEPOSIT' })
    ).json();
    await post('/v1/payments', owner, check(leaseId, 200_000));
    const deposits = (await get('/v1/ledger/deposits', owner)).json();
    assert.deepEqual(deposits.items, [{ lease_id: leaseId, currency: 'USD', held_minor: 200_000 }]);
    assert.equal(deposit.open_amount_minor, 200_000);
    const euros = await post('/v1/payments', owner, { ...check(leaseId, 100), currency: 'EUR' });
    assert.equal(euros.statusCode, 422);
  });

  test('access: roles, tenants see only their own lease, other organizations get 404', async () => {
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    const tenant = await h.signer.staffToken(orgId, ['tenant']);
    const otherTenant = await h.signer.staffToken(orgId, ['tenant']);
    const leaseId = await seedLease(h.handle.db, orgId, { userIds: [subjectOf(tenant)] });
    const charge = (await post('/v1/charges', owner, rent(leaseId))).json();
    const accountant = await h.signer.staffToken(orgId, ['accountant']);
    assert.equal((await post('/v1/payments', accountant, check(leaseId, 1_000))).statusCode, 201);
    assert.equal((await post('/v1/charges', accountant, rent(leaseId))).statusCode, 403);
    const viewer = await h.signer.staffToken(orgId, ['viewer']);
    assert.equal((await post('/v1/payments', viewer, check(leaseId, 1_000))).statusCode, 403);
    assert.equal((await get(`/v1/ledger/leases/${leaseId}`, viewer)).statusCode, 200);
    assert.equal((await get(`/v1/ledger/leases/${leaseId}`, tenant)).statusCode, 200);
    assert.equal((await get(`/v1/charges/${charge.id}`, tenant)).statusCode, 200);
    assert.equal((await get(`/v1/ledger/leases/${leaseId}`, otherTenant)).statusCode, 404);
    assert.equal((await get(`/v1/charges?lease_id=${leaseId}`, otherTenant)).statusCode, 404);
    assert.equal((await get('/v1/ledger/trial-balance', tenant)).statusCode, 403);

    const stranger = await h.signer.staffToken(crypto.randomUUID());
    assert.equal((await get(`/v1/ledger/leases/${leaseId}`, stranger)).statusCode, 404);
    assert.equal((await get(`/v1/charges/${charge.id}`, stranger)).statusCode, 404);
    assert.equal((await post('/v1/payments', stranger, check(leaseId, 1_000))).statusCode, 404);
    assert.equal(
      (await post(`/v1/charges/${charge.id}/reversal`, stranger, { reason: 'x' })).statusCode,
      404,
    );
    assert.deepEqual((await get('/v1/ledger/trial-balance', stranger)).json().accounts, []);
  });
});
