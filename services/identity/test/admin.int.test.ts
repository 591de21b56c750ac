import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, PASSWORD, signUp, type SignedUp } from './support/flows.js';

const serviceRoot = fileURLToPath(new URL('..', import.meta.url));

describe('platform admin', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  /** The operator CLI, run as `npm run admin:grant` runs it. */
  const adminCli = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      ['--conditions=@portfolioos/source', '--import', 'tsx', 'src/admin/grant-admin.ts', ...args],
      {
        cwd: serviceRoot,
        env: {
          ...process.env,
          DATABASE_URL: h.database.url,
          SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          LOG_LEVEL: 'silent',
        },
      },
    );
  const adminToken = (app: ServiceApp, email: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/admin-token', payload: { email, password: PASSWORD } });

  async function newAdmin(app: ServiceApp): Promise<{ person: SignedUp; token: string }> {
    const person = await signUp(app, 'Operator Org');
    assert.equal((await adminToken(app, person.email)).statusCode, 403, 'not self-service');
    const { stdout } = await adminCli('--email', person.email, '--operator', 'test-operator');
    assert.match(stdout, /granted platform admin/);
    const issued = await adminToken(app, person.email);
    assert.equal(issued.statusCode, 200, issued.body);
    return { person, token: issued.json().access_token };
  }

  test('the CLI grants admin; admin tokens open admin routes and no organization data', async (t) => {
    const app = await h.app(t);
    const { person, token } = await newAdmin(app);
    const claims = decodeJwt(token);
    assert.deepEqual([claims.kind, claims.org, claims.sub], ['admin', null, person.userId]);
    assert.equal(
      (await app.inject({ url: `/v1/orgs/${person.orgId}`, headers: bearer(token) })).statusCode,
      403,
    );
    assert.equal((await app.inject({ url: '/v1/api-keys', headers: bearer(token) })).statusCode, 403);
    const asOwner = await app.inject({ url: '/v1/admin/users', headers: bearer(person.tokens.access_token) });
    assert.equal(asOwner.statusCode, 403, 'the same person as an org owner is no admin');
    const audit = await h.admin.query(
      `select action, details from platform_audit_events order by occurred_at`,
    );
    assert.deepEqual(
      audit.rows.slice(0, 2).map((r) => r.action),
      ['admin.granted', 'admin.token_issued'],
    );
    await adminCli('--email', person.email, '--revoke');
    const revoked = await app.inject({ url: '/v1/admin/users', headers: bearer(token) });
    assert.equal(revoked.statusCode, 403, 'revocation applies to tokens already issued');
    await assert.rejects(adminCli('--email', 'nobody@example.com'), /no account/);
  });

  test('admins search organizations and people, cursor-paginated', async (t) => {
    const app = await h.app(t);
    const { token } = await newAdmin(app);
    const tag = randomBytes(3).toString('hex');
    for (let i = 0; i < 3; i++) await signUp(app, `Searchable ${tag} ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await app.inject({ url: `/v1/admin/organizations?${query}`, headers: bearer(token) });
      assert.equal(response.statusCode, 200, response.body);
      seen.push(...response.json().items.map((o: { name: string }) => o.name));
      cursor = response.json().next_cursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      [0, 1, 2].map((i) => `Searchable ${tag} ${i}`),
    );
    const wildcard = await app.inject({ url: '/v1/admin/organizations?q=%25', headers: bearer(token) });
    assert.equal(wildcard.json().items.length, 0, 'LIKE wildcards match literally');
    const users = await app.inject({ url: '/v1/admin/users?q=owner-&limit=200', headers: bearer(token) });
    assert.ok(users.json().items.length >= 4);
  });

  test('admins deactivate people (even a last owner) and rotate the signing key', async (t) => {
    const app = await h.app(t);
    const { person, token } = await newAdmin(app);
    const victim = await signUp(app);
    const deactivated = await app.inject({
      method: 'POST',
      url: `/v1/admin/users/${victim.userId}/deactivate`,
      headers: bearer(token),
      payload: { reason: 'SECURITY' },
    });
    assert.equal(deactivated.statusCode, 204, deactivated.body);
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: victim.email, password: PASSWORD },
    });
    assert.equal(login.statusCode, 401);
    const { rows } = await h.admin.query(
      `select payload from outbox where key = $1 and event_type = 'portfolioos.identity.UserDeactivated'`,
      [victim.userId],
    );
    assert.deepEqual(
      [rows[0].payload.reason, rows[0].payload.deactivated_by_user_id],
      ['SECURITY', person.userId],
    );
    const platformAudit = await h.admin.query(
      `select actor_user_id from platform_audit_events where action = 'admin.user_deactivated' and subject = $1`,
      [victim.userId],
    );
    assert.deepEqual(platformAudit.rows, [{ actor_user_id: person.userId }]);

    const oldKid = decodeProtectedHeader(token).kid;
    const rotated = await app.inject({
      method: 'POST',
      url: '/v1/admin/signing-keys/rotate',
      headers: bearer(token),
    });
    assert.equal(rotated.statusCode, 201, rotated.body);
    assert.notEqual(rotated.json().kid, oldKid);
    assert.deepEqual(rotated.json().published_kids.sort(), [oldKid, rotated.json().kid].sort());
    assert.equal(
      (await app.inject({ url: '/v1/admin/users', headers: bearer(token) })).statusCode,
      200,
      'old tokens live on',
    );
    const fresh = await signUp(app);
    assert.equal(decodeProtectedHeader(fresh.tokens.access_token).kid, rotated.json().kid);
  });
});
