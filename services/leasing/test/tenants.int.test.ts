import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLeasingHarness, bearer, type LeasingHarness } from './support/harness.js';
import { post } from './support/flows.js';

describe('tenants', () => {
  let h: LeasingHarness;
  before(async () => {
    h = await createLeasingHarness();
  });
  after(() => h.close());

  test('created and changed with TenantCreated / TenantUpdated (full state) in the outbox', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId, ['manager']);
    const created = await post(app, token, '/v1/tenants', {
      full_name: 'Dana Whitfield',
      email: 'dana@example.com',
      phone: '+15125550100',
      emergency_contact: { name: 'Pat Whitfield', phone: '+15125550199', relationship: 'parent' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const tenant = created.json();
    assert.deepEqual(tenant.emergency_contact, {
      name: 'Pat Whitfield',
      phone: '+15125550199',
      email: null,
      relationship: 'parent',
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/tenants/${tenant.id}`,
      headers: bearer(token),
      payload: { email: 'dana.w@example.com', emergency_contact: null },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().email, 'dana.w@example.com');
    assert.equal(patched.json().phone, '+15125550100', 'absent fields stay');
    assert.equal(patched.json().emergency_contact, null);

    const { rows } = await h.admin.query(
      'select event_type, topic, organization_id, payload from outbox where key = $1 order by id',
      [tenant.id],
    );
    assert.deepEqual(
      rows.map((r) => [r.event_type, r.topic, r.organization_id]),
      [
        ['portfolioos.leasing.TenantCreated', 'leasing.tenant', orgId],
        ['portfolioos.leasing.TenantUpdated', 'leasing.tenant', orgId],
      ],
    );
    assert.deepEqual(
      { ...rows[1].payload, occurred_at: undefined },
      {
        tenant_id: tenant.id,
        organization_id: orgId,
        occurred_at: undefined,
        full_name: 'Dana Whitfield',
        email: 'dana.w@example.com',
        phone: '+15125550100',
        emergency_contact: null,
        user_id: null,
      },
    );
  });

  test('pages in creation order with a cursor; another organization sees none of them', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId);
    for (const full_name of ['Ann', 'Bo', 'Cy'])
      assert.equal((await post(app, token, '/v1/tenants', { full_name })).statusCode, 201);
    const first = (await app.inject({ url: '/v1/tenants?limit=2', headers: bearer(token) })).json();
    const second = (
      await app.inject({ url: `/v1/tenants?limit=2&cursor=${first.next_cursor}`, headers: bearer(token) })
    ).json();
    assert.deepEqual(
      [...first.items, ...second.items].map((x: { full_name: string }) => x.full_name),
      ['Ann', 'Bo', 'Cy'],
    );
    assert.equal(second.next_cursor, null);
    const badCursor = await app.inject({ url: '/v1/tenants?cursor=nonsense', headers: bearer(token) });
    assert.equal(badCursor.statusCode, 400);
    const stranger = await h.signer.staffToken(crypto.randomUUID());
    assert.equal(
      (await app.inject({ url: `/v1/tenants/${first.items[0].id}`, headers: bearer(stranger) })).statusCode,
      404,
    );
  });

  test('bodies are validated, callers authenticated, viewers and accountants cannot write', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const owner = await h.signer.staffToken(orgId);
    for (const body of [
      { full_name: '' },
      { full_name: 'X', email: 'not-an-email' },
      { full_name: 'X', phone: '512-555' },
      { full_name: 'X', colour: 'red' },
      { full_name: 'X', emergency_contact: { phone: '+15125550100' } },
    ]) {
      const res = await post(app, owner, '/v1/tenants', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    }
    const empty = await app.inject({
      method: 'PATCH',
      url: `/v1/tenants/${crypto.randomUUID()}`,
      headers: bearer(owner),
      payload: {},
    });
    assert.equal(empty.statusCode, 400);
    assert.equal(
      (await app.inject({ method: 'POST', url: '/v1/tenants', payload: { full_name: 'X' } })).statusCode,
      401,
    );
    for (const role of ['viewer', 'accountant'])
      assert.equal(
        (await post(app, await h.signer.staffToken(orgId, [role]), '/v1/tenants', { full_name: 'X' }))
          .statusCode,
        403,
      );
    const { rows } = await h.admin.query('select count(*)::int as n from tenants where org_id = $1', [orgId]);
    assert.equal(rows[0].n, 0);
  });
});
