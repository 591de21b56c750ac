import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, invite, mailedAcceptToken, newEmail, PASSWORD, signUp } from './support/flows.js';

const inviterLink = (app: ServiceApp, as: { access_token: string }, orgId: string, invitationId: string) =>
  app.inject({
    method: 'POST',
    url: `/v1/orgs/${orgId}/invitations/${invitationId}/accept-link`,
    headers: bearer(as.access_token),
  });
const accept = (app: ServiceApp, token: string, password = PASSWORD) =>
  app.inject({
    method: 'POST',
    url: '/v1/auth/invitations/accept',
    payload: { token, password, display_name: 'New Person' },
  });

describe('invitations: who may handle them, and what an accept link proves', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('a manager can neither link, revoke nor see an owner invitation', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    // The manager has an account of their own, linked with its password through the owner's link.
    const managerAccount = await signUp(app, 'Manager Home');
    const managerInvite = await invite(app, owner, managerAccount.email, 'manager');
    const managerLink = await inviterLink(app, owner.tokens, owner.orgId, managerInvite);
    const manager = (await accept(app, managerLink.json().token)).json();
    const ownerInvite = await invite(app, owner, newEmail('co-owner'), 'owner');
    const viewerInvite = await invite(app, owner, newEmail('viewer'), 'viewer');
    const asManager = bearer(manager.access_token);

    assert.equal((await inviterLink(app, manager, owner.orgId, ownerInvite)).statusCode, 403);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/v1/orgs/${owner.orgId}/invitations/${ownerInvite}`,
      headers: asManager,
    });
    assert.equal(revoke.statusCode, 403);
    const listed = await app.inject({ url: `/v1/orgs/${owner.orgId}/invitations`, headers: asManager });
    assert.deepEqual(
      listed.json().items.map((i: { id: string }) => i.id),
      [viewerInvite],
    );
    assert.equal((await inviterLink(app, manager, owner.orgId, viewerInvite)).statusCode, 201);
    assert.equal((await inviterLink(app, owner.tokens, owner.orgId, ownerInvite)).statusCode, 201);
  });

  test("the inviter's link cannot create an account: the answer is a wrong password's", async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const email = newEmail('newcomer');
    const invitationId = await invite(app, owner, email, 'manager');
    const link = await inviterLink(app, owner.tokens, owner.orgId, invitationId);
    const refused = await accept(app, link.json().token);
    assert.equal(refused.statusCode, 401, refused.body);
    const existing = await signUp(app);
    const wrongPassword = await accept(
      app,
      (
        await inviterLink(app, owner.tokens, owner.orgId, await invite(app, owner, existing.email, 'viewer'))
      ).json().token,
      'not the password',
    );
    assert.equal(refused.json().detail, wrongPassword.json().detail, 'no hint that the email has no account');
    const users = await h.admin.query('select 1 from users where email = $1', [email]);
    assert.equal(users.rowCount, 0);
    // The link the mail service delivers to the address does.
    const mailed = await accept(app, await mailedAcceptToken(app, invitationId));
    assert.equal(mailed.statusCode, 200, mailed.body);
  });

  test("the inviter's link still links an existing account, with that account's password", async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const existing = await signUp(app, 'Elsewhere');
    const invitationId = await invite(app, owner, existing.email, 'viewer');
    const link = await inviterLink(app, owner.tokens, owner.orgId, invitationId);
    assert.equal((await accept(app, link.json().token)).statusCode, 200);
  });

  test('only services holding the internal token mint mailed links', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const invitationId = await invite(app, owner, newEmail(), 'tenant');
    for (const authorization of [undefined, `Bearer ${owner.tokens.access_token}`]) {
      const response = await app.inject({
        method: 'POST',
        url: `/internal/v1/invitations/${invitationId}/accept-link`,
        headers: authorization ? { authorization } : {},
      });
      assert.equal(response.statusCode, 401, response.body);
    }
  });

  test('with the development flag, the inviter stands in for the mailbox', async (t) => {
    const app = await h.app(t, { DEV_INVITER_LINKS_CREATE_ACCOUNTS: 'true' });
    const owner = await signUp(app);
    const invitationId = await invite(app, owner, newEmail('dev'), 'manager');
    const link = await inviterLink(app, owner.tokens, owner.orgId, invitationId);
    assert.equal((await accept(app, link.json().token)).statusCode, 200);
  });
});
