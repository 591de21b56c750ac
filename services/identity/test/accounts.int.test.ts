import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, inviteAndAccept, login, PASSWORD, signUp } from './support/flows.js';

describe('switching organization, profile, organization settings, closing an account', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  const outbox = async (key: string, type: string) =>
    (
      await h.admin.query(
        `select payload, organization_id from outbox where key = $1 and event_type = $2 order by id`,
        [key, `portfolioos.identity.${type}`],
      )
    ).rows;

  test('a person in two organizations switches between them; non-members get 404', async (t) => {
    const app = await h.app(t);
    const [a, b, stranger] = [await signUp(app, 'A'), await signUp(app, 'B'), await signUp(app, 'C')];
    await inviteAndAccept(app, b, a.email, 'manager');
    const me = await app.inject({ url: '/v1/me', headers: bearer(a.tokens.access_token) });
    assert.deepEqual(
      me
        .json()
        .memberships.map((m: { organization_id: string; role: string }) => [m.organization_id, m.role]),
      [
        [a.orgId, 'owner'],
        [b.orgId, 'manager'],
      ],
    );
    const switchTo = (organization_id: string, token = a.tokens.access_token) =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/switch-organization',
        headers: bearer(token),
        payload: { organization_id },
      });
    const switched = await switchTo(b.orgId);
    assert.equal(switched.statusCode, 200, switched.body);
    const claims = decodeJwt(switched.json().access_token);
    assert.deepEqual([claims.org, claims.roles], [b.orgId, ['manager']]);
    const refreshed = await app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refresh_token: switched.json().refresh_token },
    });
    assert.equal(decodeJwt(refreshed.json().access_token).org, b.orgId, 'the new refresh token stays in B');

    const notMine = await switchTo(stranger.orgId);
    const nowhere = await switchTo(randomUUID());
    assert.deepEqual([notMine.statusCode, nowhere.statusCode], [404, 404]);
    assert.equal(notMine.json().detail, nowhere.json().detail, 'existence is not revealed');
    const audit = await h.admin.query(
      `select actor_user_id, details from audit_events where org_id = $1 and action = 'user.switched_organization'`,
      [b.orgId],
    );
    assert.deepEqual(audit.rows, [{ actor_user_id: a.userId, details: { from: a.orgId } }]);
  });

  test('PATCH /v1/users/me updates the profile and publishes its full state', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const patch = (payload: Record<string, unknown>) =>
      app.inject({
        method: 'PATCH',
        url: '/v1/users/me',
        headers: bearer(owner.tokens.access_token),
        payload,
      });
    const updated = await patch({ display_name: 'Olive O.', phone: '+15555550123', locale: 'en-US' });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(updated.json(), {
      id: owner.userId,
      email: owner.email,
      display_name: 'Olive O.',
      phone: '+15555550123',
      locale: 'en-US',
    });
    assert.equal((await patch({ email: 'new@example.com' })).statusCode, 400, 'email is not changeable');
    assert.equal((await patch({})).statusCode, 400);
    const [event] = await outbox(owner.userId, 'UserProfileUpdated');
    assert.equal(event.organization_id, owner.orgId, 'the home organization');
    assert.deepEqual(
      { ...event.payload, occurred_at: 0 },
      {
        user_id: owner.userId,
        organization_id: owner.orgId,
        occurred_at: 0,
        email: owner.email,
        display_name: 'Olive O.',
        phone: '+15555550123',
        locale: 'en-US',
      },
    );
  });

  test('owners change organization settings (OrganizationUpdated); others cannot', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const viewerTokens = await inviteAndAccept(app, owner, `viewer-${randomUUID()}@example.com`, 'viewer');
    const patch = (token: string, payload: Record<string, unknown>, orgId = owner.orgId) =>
      app.inject({ method: 'PATCH', url: `/v1/orgs/${orgId}`, headers: bearer(token), payload });
    const changed = await patch(owner.tokens.access_token, { name: 'Renamed', timezone: 'America/Chicago' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().timezone, 'America/Chicago');
    assert.equal((await patch(owner.tokens.access_token, { timezone: 'Mars/Olympus' })).statusCode, 422);
    assert.equal((await patch(viewerTokens.access_token, { name: 'Hijacked' })).statusCode, 403);
    const other = await signUp(app);
    assert.equal((await patch(owner.tokens.access_token, { name: 'X' }, other.orgId)).statusCode, 404);
    const [event] = await outbox(owner.orgId, 'OrganizationUpdated');
    assert.deepEqual(
      [event.payload.name, event.payload.timezone, event.payload.country],
      ['Renamed', 'America/Chicago', 'US'],
    );
  });

  test('closing an account: refused for a last owner, then sessions end and login fails', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const coOwnerEmail = `co-${randomUUID()}@example.com`;
    const close = (token: string, password = PASSWORD) =>
      app.inject({
        method: 'POST',
        url: '/v1/users/me/deactivate',
        headers: bearer(token),
        payload: { password },
      });
    const refused = await close(owner.tokens.access_token);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().type, 'https://portfolioos.dev/problems/last-owner');
    const wrong = await close(owner.tokens.access_token, 'wrong password!');
    assert.equal(wrong.statusCode, 409, 'the same refusal: 409 vs 401 would confirm a guessed password');

    await inviteAndAccept(app, owner, coOwnerEmail, 'owner');
    const closed = await close(owner.tokens.access_token);
    assert.equal(closed.statusCode, 204, closed.body);
    assert.equal((await login(app, owner.email)).statusCode, 401, 'no more sign-ins');
    const refresh = await app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refresh_token: owner.tokens.refresh_token },
    });
    assert.equal(refresh.statusCode, 401, 'refresh tokens are revoked');
    const switched = await app.inject({
      method: 'POST',
      url: '/v1/auth/switch-organization',
      headers: bearer(owner.tokens.access_token),
      payload: { organization_id: owner.orgId },
    });
    assert.equal(switched.statusCode, 401, 'a still-valid access token cannot buy a new session');
    const [event] = await outbox(owner.userId, 'UserDeactivated');
    assert.deepEqual([event.payload.reason, event.payload.deactivated_by_user_id], ['USER_REQUESTED', null]);
    const audit = await h.admin.query(
      `select details from audit_events where org_id = $1 and action = 'user.deactivated'`,
      [owner.orgId],
    );
    assert.equal(audit.rows[0].details.reason, 'USER_REQUESTED');
  });
});
