import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { login, signUp } from './support/flows.js';

describe('login abuse resistance (Redis)', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('an account locks after repeated failures, even for the right password, and is audited', async (t) => {
    const app = await h.app(t, { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '60' });
    const owner = await signUp(app);
    for (let i = 0; i < 3; i += 1)
      assert.equal((await login(app, owner.email, 'wrong password')).statusCode, 401);
    const locked = await login(app, owner.email);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.ok(locked.json().retry_after > 0);
    const { rows } = await h.admin.query(
      `select action from audit_events where org_id = $1 order by occurred_at`,
      [owner.orgId],
    );
    assert.deepEqual(
      rows.map((r) => r.action),
      ['user.signed_up', 'user.sign_in_failed', 'user.sign_in_failed', 'user.locked_out'],
    );
  });

  test('unknown emails lock the same way, so lockout reveals nothing', async (t) => {
    const app = await h.app(t, { LOGIN_MAX_FAILURES: '2' });
    for (let i = 0; i < 2; i += 1) await login(app, 'ghost@example.com', 'guess');
    assert.equal((await login(app, 'ghost@example.com', 'guess')).statusCode, 429);
  });

  test('logins from one address are rate limited per minute', async (t) => {
    const app = await h.app(t, { AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) codes.push((await login(app, `x${i}@example.com`, 'guess')).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 429]);
  });
});
