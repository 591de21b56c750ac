import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, createApiKey, inviteAndAccept, newEmail, signUp } from './support/flows.js';

const orgReadWith = (app: ServiceApp, orgId: string, key: string) =>
  app.inject({ url: `/v1/orgs/${orgId}`, headers: bearer(key) });

describe('an API key lives only as long as its creator may manage keys', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  for (const [what, change] of [
    ['removed from the organization', 'delete from memberships where user_id = $1'],
    ['demoted to viewer', `update memberships set role = 'viewer' where user_id = $1`],
    ['deactivated', 'update users set deactivated_at = now() where id = $1'],
  ] as const) {
    test(`a manager's key stops working once the manager is ${what}`, async (t) => {
      const app = await h.app(t);
      const owner = await signUp(app);
      const managerEmail = newEmail('manager');
      const manager = await inviteAndAccept(app, owner, managerEmail, 'manager');
      const { key } = await createApiKey(app, manager.access_token);
      assert.equal((await orgReadWith(app, owner.orgId, key)).statusCode, 200);
      const { rows } = await h.admin.query('select id from users where email = $1', [managerEmail]);
      await h.admin.query(change, [rows[0].id]);
      assert.equal((await orgReadWith(app, owner.orgId, key)).statusCode, 401);
      const token = await app.inject({
        method: 'POST',
        url: '/v1/oauth/token',
        payload: { grant_type: 'client_credentials', client_secret: key },
      });
      assert.equal(token.statusCode, 401, 'nor buys client tokens');
    });
  }
});
