import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { findUnforcedPolicyTables } from '@portfolioos/db';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, login, PASSWORD, signUp } from './support/flows.js';

describe('sign-up, login, refresh, logout, /v1/me', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('every org-owned table is forced under row-level security', async () => {
    assert.deepEqual(await findUnforcedPolicyTables(h.handle.db), []);
  });

  test('sign-up creates user, organization and owner membership with their events', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const claims = decodeJwt(owner.tokens.access_token);
    assert.equal(claims.sub, owner.userId);
    assert.equal(claims.org, owner.orgId);
    assert.deepEqual(claims.roles, ['owner']);
    assert.equal(claims.kind, 'user');
    assert.equal(claims.iss, h.config.JWT_ISSUER);
    assert.equal(claims.aud, h.config.JWT_AUDIENCE);
    assert.equal(decodeProtectedHeader(owner.tokens.access_token).alg, 'RS256');
    const { rows } = await h.admin.query(
      `select event_type, key from outbox where organization_id = $1 order by id`,
      [owner.orgId],
    );
    assert.deepEqual(
      rows.map((r) => r.event_type),
      [
        'portfolioos.identity.UserRegistered',
        'portfolioos.identity.OrganizationCreated',
        'portfolioos.identity.MembershipGranted',
      ],
    );
    const stored = await h.admin.query('select password_hash from users where id = $1', [owner.userId]);
    assert.match(stored.rows[0].password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test('login returns tokens; /v1/me answers with the principal and memberships', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app, 'Oak Court');
    const response = await login(app, owner.email.toUpperCase());
    assert.equal(response.statusCode, 200, response.body);
    const me = await app.inject({ url: '/v1/me', headers: bearer(response.json().access_token) });
    assert.equal(me.statusCode, 200, me.body);
    assert.equal(me.json().user.email, owner.email);
    assert.deepEqual(me.json().principal.roles, ['owner']);
    assert.equal(me.json().memberships[0].organization_name, 'Oak Court');
    assert.equal((await app.inject({ url: '/v1/me' })).statusCode, 401);
  });

  test('wrong password and unknown email get the same generic 401', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const wrong = await login(app, owner.email, 'not the password');
    const unknown = await login(app, 'nobody-here@example.com', 'not the password');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().detail, unknown.json().detail);
    assert.equal(wrong.json().type, unknown.json().type);
  });

  test('refresh rotates; reusing a rotated token revokes the whole family', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const refresh = (token: string) =>
      app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refresh_token: token } });
    const first = owner.tokens.refresh_token;
    const rotated = await refresh(first);
    assert.equal(rotated.statusCode, 200, rotated.body);
    const second = rotated.json().refresh_token;
    assert.notEqual(second, first);
    const third = (await refresh(second)).json().refresh_token;

    const reuse = await refresh(first);
    assert.equal(reuse.statusCode, 401, 'a rotated token is refused');
    assert.equal((await refresh(third)).statusCode, 401, 'and the family is revoked with it');
    const audit = await h.admin.query(
      `select action from audit_events where org_id = $1 and action = 'session.refresh_reused'`,
      [owner.orgId],
    );
    assert.equal(audit.rowCount, 1);
  });

  test('logout revokes the refresh family', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const out = await app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      payload: { refresh_token: owner.tokens.refresh_token },
    });
    assert.equal(out.statusCode, 204);
    const again = await app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refresh_token: owner.tokens.refresh_token },
    });
    assert.equal(again.statusCode, 401);
  });

  test('unknown body properties and weak input are rejected', async (t) => {
    const app = await h.app(t);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'a@example.com', password: PASSWORD, admin: true },
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'admin');
  });
});
