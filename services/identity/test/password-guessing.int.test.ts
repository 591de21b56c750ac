import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import {
  bearer,
  invite,
  inviteAndAccept,
  login,
  mailedAcceptToken,
  PASSWORD,
  signUp,
} from './support/flows.js';

const accept = (app: ServiceApp, token: string, password: string) =>
  app.inject({ method: 'POST', url: '/v1/auth/invitations/accept', payload: { token, password } });
const adminToken = (app: ServiceApp, email: string, password: string) =>
  app.inject({ method: 'POST', url: '/v1/auth/admin-token', payload: { email, password } });

describe('every password check shares one attempt budget per account (Redis)', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('guesses through an invitation count toward the lockout and are audited', async (t) => {
    const app = await h.app(t, { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '60' });
    const victim = await signUp(app, 'Victim Homes');
    const attacker = await signUp(app, 'Attacker Lettings');
    // The attacker invites the victim's email into their own organization and guesses there.
    const invitationId = await invite(app, attacker, victim.email, 'viewer');
    const link = await app.inject({
      method: 'POST',
      url: `/v1/orgs/${attacker.orgId}/invitations/${invitationId}/accept-link`,
      headers: bearer(attacker.tokens.access_token),
    });
    const codes = [];
    for (const guess of ['guess number 1', 'guess number 2', 'guess number 3', PASSWORD])
      codes.push((await accept(app, link.json().token, guess)).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 429], 'the right password is refused once the budget is spent');
    assert.equal((await login(app, victim.email)).statusCode, 429, 'and sign-in is locked with it');
    const { rows } = await h.admin.query(
      `select action, details->>'channel' as channel from audit_events
        where org_id = $1 and action <> 'user.signed_up' order by occurred_at`,
      [victim.orgId],
    );
    assert.deepEqual(rows, [
      { action: 'user.sign_in_failed', channel: 'accept-invitation' },
      { action: 'user.sign_in_failed', channel: 'accept-invitation' },
      { action: 'user.locked_out', channel: 'accept-invitation' },
    ]);
  });

  test('20 parallel wrong passwords with a budget of 5: 5 reach the password check, 15 are refused', async (t) => {
    const app = await h.app(t, { LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_SECONDS: '60' });
    const owner = await signUp(app);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(app, owner.email, `wrong password ${i}`)),
    );
    const count = (status: number) => answers.filter((a) => a.statusCode === status).length;
    assert.deepEqual({ 401: count(401), 429: count(429) }, { 401: 5, 429: 15 });
    const audit = await h.admin.query(
      `select action, count(*)::int as n from audit_events
        where org_id = $1 and action like 'user.%' and action <> 'user.signed_up' group by action order by action`,
      [owner.orgId],
    );
    assert.deepEqual(audit.rows, [
      { action: 'user.locked_out', n: 1 },
      { action: 'user.sign_in_failed', n: 4 },
    ]);
  });

  test('failing at the admin-token endpoint never locks the ordinary sign-in', async (t) => {
    const app = await h.app(t, { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '60' });
    const admin = await signUp(app, 'Platform Operators');
    await h.admin.query(`insert into platform_admins (user_id, granted_by) values ($1, 'test')`, [
      admin.userId,
    ]);
    for (let i = 0; i < 3; i += 1)
      assert.equal((await adminToken(app, admin.email, 'not the password')).statusCode, 401);
    assert.equal((await adminToken(app, admin.email, PASSWORD)).statusCode, 429, 'admin sign-in is locked');
    assert.equal((await login(app, admin.email)).statusCode, 200, 'the ordinary sign-in is not');
  });

  test('a wrong password at a mailed link for an existing account counts too', async (t) => {
    const app = await h.app(t, { LOGIN_MAX_FAILURES: '2', LOGIN_LOCKOUT_SECONDS: '60' });
    const member = await signUp(app);
    const other = await signUp(app);
    const token = await mailedAcceptToken(app, await invite(app, other, member.email, 'viewer'));
    assert.equal((await accept(app, token, 'wrong password one')).statusCode, 401);
    assert.equal((await login(app, member.email, 'wrong password two')).statusCode, 401);
    assert.equal((await accept(app, token, PASSWORD)).statusCode, 429);
  });

  test('closing an account checks the password through the same budget, after the last-owner refusal', async (t) => {
    const app = await h.app(t, { LOGIN_MAX_FAILURES: '2', LOGIN_LOCKOUT_SECONDS: '60' });
    const owner = await signUp(app);
    const close = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/users/me/deactivate',
        headers: bearer(owner.tokens.access_token),
        payload: { password },
      });
    const refusals = [(await close('wrong password 1')).statusCode, (await close(PASSWORD)).statusCode];
    assert.deepEqual(refusals, [409, 409], 'a last owner is refused whatever the password');
    await inviteAndAccept(app, owner, (await signUp(app)).email, 'owner');
    const guesses = [
      (await close('wrong password 1')).statusCode,
      (await close('wrong password 2')).statusCode,
    ];
    assert.deepEqual(guesses, [401, 401]);
    assert.equal((await close(PASSWORD)).statusCode, 429, 'the budget is spent');
    assert.equal((await login(app, owner.email)).statusCode, 429, 'for sign-in too');
  });
});
