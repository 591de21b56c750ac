import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { signUp } from './support/flows.js';

const refresh = (app: ServiceApp, token: string) =>
  app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refresh_token: token } });

describe('refresh-token rotation under concurrency', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('ten concurrent refreshes of one token: one rotates, the rest are reuse and end the family', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    // Hold the session row so that the refreshes all start, and read the token, while it is locked: the
    // window a rotation in flight leaves open, made wide enough that the race happens on every run.
    const blocker = await h.admin.connect();
    t.after(() => blocker.release());
    await blocker.query('begin');
    await blocker.query('select 1 from sessions where user_id = $1 for update', [owner.userId]);
    const answers = Promise.all(Array.from({ length: 10 }, () => refresh(app, owner.tokens.refresh_token)));
    await waitForLockWaiters(h, POOL_SIZE);
    await blocker.query('commit');

    const codes = (await answers).map((a) => a.statusCode).sort();
    assert.deepEqual(codes, [200, 401, 401, 401, 401, 401, 401, 401, 401, 401], JSON.stringify(codes));
    const winner = (await answers).find((a) => a.statusCode === 200)!.json().refresh_token;
    assert.equal((await refresh(app, winner)).statusCode, 401, 'the family was revoked by the reuse');
    const { rows } = await h.admin.query(
      `select s.revoked_reason, count(t.*) filter (where t.rotated_at is null) as live
         from sessions s join refresh_tokens t on t.session_id = s.id
        where s.user_id = $1 group by s.id`,
      [owner.userId],
    );
    assert.deepEqual(rows, [{ revoked_reason: 'refresh_token_reused', live: '1' }]);
    const audit = await h.admin.query(
      `select count(*)::int as n from audit_events where org_id = $1 and action = 'session.refresh_reused'`,
      [owner.orgId],
    );
    assert.equal(audit.rows[0].n, 9, 'every losing refresh is audited as reuse');
  });

  test('a session that escaped the deactivation of its account ends at its next refresh', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    // What a sign-in racing the deactivation leaves: the account deactivated, a session started after the
    // deactivation revoked the others.
    await h.admin.query('update users set deactivated_at = now() where id = $1', [owner.userId]);
    assert.equal((await refresh(app, owner.tokens.refresh_token)).statusCode, 401);
    const { rows } = await h.admin.query('select revoked_reason from sessions where user_id = $1', [
      owner.userId,
    ]);
    assert.deepEqual(rows, [{ revoked_reason: 'user_deactivated' }]);
  });

  test('a session of someone no longer a member ends at its next refresh', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    await h.admin.query('delete from memberships where user_id = $1', [owner.userId]);
    assert.equal((await refresh(app, owner.tokens.refresh_token)).statusCode, 401);
    const { rows } = await h.admin.query('select revoked_reason from sessions where user_id = $1', [
      owner.userId,
    ]);
    assert.deepEqual(rows, [{ revoked_reason: 'membership_ended' }]);
  });
});

// The harness's pool size (support/harness.ts): that many refreshes can be inside a transaction at once.
const POOL_SIZE = 5;

/** Resolves once `count` backends of the test database wait for a row lock (10 s at most). */
async function waitForLockWaiters(h: IdentityHarness, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await h.admin.query(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (rows[0].n >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${count} refreshes reached the lock`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
