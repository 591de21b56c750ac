import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { acceptInvitation, applyUpstream } from './support/apply-upstream.js';
import {
  bearer,
  callsOn,
  createMaintenanceHarness,
  subjectOf,
  type MaintenanceHarness,
} from './support/harness.js';
import { vendorBody } from './support/people.js';

describe('the vendors directory and vendor portal users', () => {
  let h: MaintenanceHarness;
  let app: ServiceApp;
  const orgId = crypto.randomUUID();
  let owner: Record<string, string>;
  before(async () => {
    h = await createMaintenanceHarness();
    app = await h.app({ after: () => undefined });
    owner = bearer(await h.signer.staffToken(orgId, ['owner']));
  });
  after(async () => {
    await app.close();
    await h.close();
  });
  const post = (url: string, headers: Record<string, string>, payload: object) =>
    callsOn(app).post(url, headers, payload);
  const get = (url: string, headers: Record<string, string>) => callsOn(app).get(url, headers);

  test('staff keep the directory; roles and organizations are kept apart', async () => {
    const created = await post('/v1/vendors', owner, vendorBody());
    assert.equal(created.statusCode, 201, created.body);
    const vendor = created.json();
    assert.match(vendor.email, /^fixit-.*@example\.com$/);
    assert.deepEqual(vendor.portal_user_ids, []);
    const again = await post('/v1/vendors', owner, vendorBody({ email: vendor.email.toUpperCase() }));
    assert.equal(again.statusCode, 409);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/vendors/${vendor.id}`,
      headers: owner,
      payload: { insurance_expires_on: '2028-03-31', hourly_rate_minor: 11_000 },
    });
    assert.equal(patched.json().insurance_expires_on, '2028-03-31', patched.body);
    // Fields a patch leaves out stay as they are (a schema default once reset them; the fuzzer found it).
    assert.deepEqual([patched.json().w9_on_file, patched.json().service_area], [true, ['78701', '78702']]);
    const empty = await app.inject({
      method: 'PATCH',
      url: `/v1/vendors/${vendor.id}`,
      headers: owner,
      payload: {},
    });
    assert.equal(empty.statusCode, 400);

    const viewer = bearer(await h.signer.staffToken(orgId, ['viewer']));
    assert.equal((await get(`/v1/vendors/${vendor.id}`, viewer)).statusCode, 200);
    assert.equal((await post('/v1/vendors', viewer, vendorBody())).statusCode, 403);
    for (const roles of [['tenant'], ['vendor']]) {
      const portal = bearer(await h.signer.staffToken(orgId, roles));
      assert.equal((await get('/v1/vendors', portal)).statusCode, 403, roles.join());
      assert.equal((await get(`/v1/vendors/${vendor.id}`, portal)).statusCode, 403, roles.join());
    }
    const stranger = bearer(await h.signer.staffToken(crypto.randomUUID(), ['owner']));
    assert.equal((await get(`/v1/vendors/${vendor.id}`, stranger)).statusCode, 404);
    const patchedByStranger = await app.inject({
      method: 'PATCH',
      url: `/v1/vendors/${vendor.id}`,
      headers: stranger,
      payload: { name: 'Mine now' },
    });
    assert.equal(patchedByStranger.statusCode, 404);
    assert.deepEqual((await get('/v1/vendors', stranger)).json().items, []);
    assert.equal((await post('/v1/vendors', owner, vendorBody({ hourly_rate_minor: 1.5 }))).statusCode, 400);
    assert.equal(
      (await post('/v1/vendors', owner, vendorBody({ insurance_expires_on: '2027-02-30' }))).statusCode,
      400,
    );
  });

  test('the user who accepts the vendor invitation of a vendor’s e-mail acts for it, until revoked', async () => {
    const vendor = (await post('/v1/vendors', owner, vendorBody())).json();
    const token = await h.signer.staffToken(orgId, ['vendor']);
    const userId = subjectOf(token);
    assert.equal((await get('/v1/vendors/me', bearer(token))).statusCode, 404, 'not linked yet');
    await acceptInvitation(h.handle.db, orgId, vendor.email, crypto.randomUUID(), 'TENANT');
    assert.deepEqual(
      (await get(`/v1/vendors/${vendor.id}`, owner)).json().portal_user_ids,
      [],
      'a tenant invite',
    );
    await acceptInvitation(h.handle.db, orgId, vendor.email, userId);
    const mine = await get('/v1/vendors/me', bearer(token));
    assert.equal(mine.json().id, vendor.id, mine.body);
    assert.deepEqual((await get(`/v1/vendors/${vendor.id}`, owner)).json().portal_user_ids, [userId]);
    assert.equal((await get('/v1/vendors/me', owner)).statusCode, 403);

    await applyUpstream(h.handle.db, 'portfolioos.identity.MembershipRevoked', {
      membership_id: crypto.randomUUID(),
      organization_id: orgId,
      occurred_at: Date.now(),
      user_id: userId,
      role: 'VENDOR',
      revoked_by_user_id: null,
    });
    assert.equal((await get('/v1/vendors/me', bearer(token))).statusCode, 404);
  });
});
