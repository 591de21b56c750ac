import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { assertTamperedCursorsRefused } from './support/cursors.js';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import {
  bearer,
  login,
  mailedAcceptToken,
  newEmail,
  PASSWORD,
  signUp,
  type SignedUp,
} from './support/flows.js';

async function inviteAndAccept(app: ServiceApp, owner: SignedUp, role: string, email = newEmail(role)) {
  const invited = await app.inject({
    method: 'POST',
    url: `/v1/orgs/${owner.orgId}/invitations`,
    headers: bearer(owner.tokens.access_token),
    payload: { email, role },
  });
  assert.equal(invited.statusCode, 201, invited.body);
  assert.equal(invited.json().token, undefined, 'the inviter never sees a token');
  const token = await mailedAcceptToken(app, invited.json().id);
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/auth/invitations/accept',
    payload: { token, password: PASSWORD, display_name: 'Invited Person' },
  });
  return { email, invitationId: invited.json().id as string, token, accepted };
}

describe('organizations, members, invitations', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('an invited manager accepts, signs in with that role, and the token is single-use', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const { email, token, accepted } = await inviteAndAccept(app, owner, 'manager');
    assert.equal(accepted.statusCode, 200, accepted.body);
    const again = await app.inject({
      method: 'POST',
      url: '/v1/auth/invitations/accept',
      payload: { token, password: PASSWORD },
    });
    assert.equal(again.statusCode, 401);
    const session = await login(app, email);
    const me = await app.inject({ url: '/v1/me', headers: bearer(session.json().access_token) });
    assert.deepEqual(me.json().principal.roles, ['manager']);
    const { rows } = await h.admin.query('select token_hash from invitations where email = $1', [email]);
    assert.equal(rows[0].token_hash, null, 'no usable token hash remains after acceptance');
    const events = await h.admin.query(
      `select event_type from outbox where organization_id = $1 and event_type like '%Invitation%' order by id`,
      [owner.orgId],
    );
    assert.deepEqual(
      events.rows.map((r) => r.event_type),
      ['portfolioos.identity.InvitationCreated', 'portfolioos.identity.InvitationAccepted'],
    );
  });

  test('an existing account is linked only with its password; it then belongs to two organizations', async (t) => {
    const app = await h.app(t);
    const first = await signUp(app, 'First Org');
    const second = await signUp(app, 'Second Org');
    const invited = await app.inject({
      method: 'POST',
      url: `/v1/orgs/${second.orgId}/invitations`,
      headers: bearer(second.tokens.access_token),
      payload: { email: first.email, role: 'viewer' },
    });
    const link = await app.inject({
      method: 'POST',
      url: `/v1/orgs/${second.orgId}/invitations/${invited.json().id}/accept-link`,
      headers: bearer(second.tokens.access_token),
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/auth/invitations/accept',
      payload: { token: link.json().token, password: 'not my password' },
    });
    assert.equal(wrong.statusCode, 401);
    const right = await app.inject({
      method: 'POST',
      url: '/v1/auth/invitations/accept',
      payload: { token: link.json().token, password: PASSWORD },
    });
    assert.equal(right.statusCode, 200, right.body);
    const me = await app.inject({ url: '/v1/me', headers: bearer(right.json().access_token) });
    assert.equal(me.json().principal.organization_id, second.orgId);
    assert.equal(me.json().memberships.length, 2);
    assert.equal((await login(app, first.email, PASSWORD, second.orgId)).statusCode, 200);
  });

  test('tenants and vendors are invited; applicants register themselves', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    assert.equal((await inviteAndAccept(app, owner, 'tenant')).accepted.statusCode, 200);
    assert.equal((await inviteAndAccept(app, owner, 'vendor')).accepted.statusCode, 200);
    const applicant = await app.inject({
      method: 'POST',
      url: '/v1/auth/applicants',
      payload: {
        email: newEmail('applicant'),
        password: PASSWORD,
        display_name: 'Ann Applicant',
        organization_id: owner.orgId,
      },
    });
    assert.equal(applicant.statusCode, 201, applicant.body);
    const me = await app.inject({ url: '/v1/me', headers: bearer(applicant.json().tokens.access_token) });
    assert.deepEqual(me.json().principal.roles, ['applicant']);
    const members = await app.inject({
      url: `/v1/orgs/${owner.orgId}/members`,
      headers: bearer(owner.tokens.access_token),
    });
    assert.deepEqual(
      members
        .json()
        .items.map((m: { role: string }) => m.role)
        .sort(),
      ['applicant', 'owner', 'tenant', 'vendor'],
    );
    const asApplicant = await app.inject({
      url: `/v1/orgs/${owner.orgId}/members`,
      headers: bearer(applicant.json().tokens.access_token),
    });
    assert.equal(asApplicant.statusCode, 403);
  });

  test('role changes keep at least one owner; removal ends access at the next refresh', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const auth = bearer(owner.tokens.access_token);
    const members = (await app.inject({ url: `/v1/orgs/${owner.orgId}/members`, headers: auth })).json()
      .items;
    const ownMembership = members[0].id;
    const demote = await app.inject({
      method: 'PATCH',
      url: `/v1/orgs/${owner.orgId}/members/${ownMembership}`,
      headers: auth,
      payload: { role: 'viewer' },
    });
    assert.equal(demote.statusCode, 422);
    assert.equal(demote.json().type, 'https://portfolioos.dev/problems/last-owner');

    const { email, accepted } = await inviteAndAccept(app, owner, 'accountant');
    const list = (await app.inject({ url: `/v1/orgs/${owner.orgId}/members`, headers: auth })).json().items;
    const accountant = list.find((m: { email: string }) => m.email === email);
    const promote = await app.inject({
      method: 'PATCH',
      url: `/v1/orgs/${owner.orgId}/members/${accountant.id}`,
      headers: auth,
      payload: { role: 'manager' },
    });
    assert.equal(promote.statusCode, 200);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/v1/orgs/${owner.orgId}/members/${accountant.id}`,
      headers: auth,
    });
    assert.equal(removed.statusCode, 204);
    const refresh = await app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refresh_token: accepted.json().refresh_token },
    });
    assert.equal(refresh.statusCode, 401);
    const audit = await app.inject({ url: `/v1/orgs/${owner.orgId}/audit-events`, headers: auth });
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    assert.ok(
      actions.includes('membership.role_changed') && actions.includes('membership.revoked'),
      actions.join(),
    );
  });

  test('a principal of org A gets 404 for every org-B object', async (t) => {
    const app = await h.app(t);
    const a = await signUp(app, 'Org A');
    const b = await signUp(app, 'Org B');
    const bMembers = (
      await app.inject({ url: `/v1/orgs/${b.orgId}/members`, headers: bearer(b.tokens.access_token) })
    ).json().items;
    const bInvite = await app.inject({
      method: 'POST',
      url: `/v1/orgs/${b.orgId}/invitations`,
      headers: bearer(b.tokens.access_token),
      payload: { email: newEmail(), role: 'viewer' },
    });
    const bKey = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(b.tokens.access_token),
      payload: { name: 'b', scopes: ['leases:read'] },
    });
    const asA = bearer(a.tokens.access_token);
    const attempts = [
      { method: 'GET', url: `/v1/orgs/${b.orgId}` },
      { method: 'GET', url: `/v1/orgs/${b.orgId}/members` },
      { method: 'PATCH', url: `/v1/orgs/${b.orgId}/members/${bMembers[0].id}`, payload: { role: 'viewer' } },
      { method: 'DELETE', url: `/v1/orgs/${b.orgId}/members/${bMembers[0].id}` },
      { method: 'PATCH', url: `/v1/orgs/${a.orgId}/members/${bMembers[0].id}`, payload: { role: 'viewer' } },
      { method: 'GET', url: `/v1/orgs/${b.orgId}/invitations` },
      {
        method: 'POST',
        url: `/v1/orgs/${b.orgId}/invitations`,
        payload: { email: newEmail(), role: 'owner' },
      },
      { method: 'POST', url: `/v1/orgs/${b.orgId}/invitations/${bInvite.json().id}/accept-link` },
      { method: 'POST', url: `/v1/orgs/${a.orgId}/invitations/${bInvite.json().id}/accept-link` },
      { method: 'DELETE', url: `/v1/orgs/${a.orgId}/invitations/${bInvite.json().id}` },
      { method: 'GET', url: `/v1/orgs/${b.orgId}/audit-events` },
      { method: 'DELETE', url: `/v1/api-keys/${bKey.json().id}` },
    ] as const;
    for (const attempt of attempts) {
      const response = await app.inject({ ...attempt, headers: asA });
      assert.equal(response.statusCode, 404, `${attempt.method} ${attempt.url}: ${response.body}`);
    }
  });

  test('member pages neither repeat nor skip people who joined in the same microsecond', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app, 'Paging Court');
    const { rows } = await h.admin.query<{ id: string }>(
      `insert into users (email, display_name, password_hash)
       select 'paging-' || i || '-' || gen_random_uuid() || '@example.com', 'Member ' || i, 'unused'
         from generate_series(1, 5) i returning id`,
    );
    await h.admin.query(
      `insert into memberships (org_id, user_id, role, created_at)
       select $1, unnest($2::uuid[]), 'viewer', '2026-01-01T00:00:00.123456Z'`,
      [owner.orgId, rows.map((r) => r.id)],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await app.inject({
        url: `/v1/orgs/${owner.orgId}/members?limit=2${query}`,
        headers: bearer(owner.tokens.access_token),
      });
      assert.equal(page.statusCode, 200, page.body);
      const body = page.json<{ items: { id: string }[]; next_cursor: string | null }>();
      seen.push(...body.items.map((m) => m.id));
      cursor = body.next_cursor;
      // A cursor that does not advance would page forever.
    } while (cursor && seen.length <= 6);
    assert.equal(seen.length, 6);
    assert.equal(new Set(seen).size, 6);
  });

  test('a tampered member cursor is a 400 invalid-cursor problem, never a 500', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app, 'Tamper Court');
    await assertTamperedCursorsRefused(
      app,
      `/v1/orgs/${owner.orgId}/members`,
      bearer(owner.tokens.access_token),
      owner.userId,
    );
  });
});
