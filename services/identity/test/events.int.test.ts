import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, inviteAndAccept, PASSWORD, signUp } from './support/flows.js';
import { relayAndRead, type ReadEvent } from './support/kafka-reader.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('identity events on Kafka, read back through the schema registry', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('sign-up publishes UserRegistered, OrganizationCreated and MembershipGranted', async (t) => {
    const app = await h.app(t);
    const startedAt = Date.now();
    const owner = await signUp(app, 'Kafka Court Rentals');
    const { rows } = await h.admin.query('select id from memberships where user_id = $1', [owner.userId]);
    const membershipId: string = rows[0].id;

    const events = await relayAndRead(
      h.handle.pool,
      ['identity.user', 'identity.organization', 'identity.membership'],
      new Set([owner.userId, owner.orgId, membershipId]),
      3,
    );
    const byType = (type: string): ReadEvent => {
      const found = events.find((e) => e.envelope.eventType === `portfolioos.identity.${type}`);
      assert.ok(found, `${type} was published`);
      return found;
    };
    assert.equal(events.length, 3);

    const registered = byType('UserRegistered');
    assert.equal(registered.topic, 'identity.user');
    assert.equal(registered.key, owner.userId);
    assert.deepEqual(
      { ...registered.payload, occurred_at: undefined },
      {
        user_id: owner.userId,
        organization_id: owner.orgId,
        occurred_at: undefined,
        email: owner.email,
        display_name: 'Olive Owner',
        phone: null,
        registration_method: 'SELF_SIGNUP',
        invitation_id: null,
      },
    );
    const created = byType('OrganizationCreated');
    assert.equal(created.topic, 'identity.organization');
    assert.equal(created.key, owner.orgId);
    assert.equal(created.payload.name, 'Kafka Court Rentals');
    assert.equal(created.payload.created_by_user_id, owner.userId);
    assert.deepEqual([created.payload.default_currency, created.payload.timezone], ['USD', 'UTC']);
    const granted = byType('MembershipGranted');
    assert.equal(granted.topic, 'identity.membership');
    assert.equal(granted.key, membershipId);
    assert.equal(granted.payload.role, 'OWNER');
    assert.equal(granted.payload.user_id, owner.userId);

    for (const event of events) {
      assert.match(event.envelope.eventId, UUID);
      assert.equal(event.envelope.source, 'identity');
      assert.equal(event.envelope.organizationId, owner.orgId);
      const occurred = event.envelope.occurredAt.getTime();
      assert.ok(occurred >= startedAt - 1000 && occurred <= Date.now(), 'occurred-at is the commit time');
      assert.equal(Number(event.payload.occurred_at), occurred, 'header and payload agree on occurred_at');
    }
    assert.equal(new Set(events.map((e) => e.envelope.eventId)).size, 3, 'distinct event ids');
  });

  test('profile, organization and deactivation events decode with their full state', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    await inviteAndAccept(app, owner, `co-owner-${owner.userId}@example.com`, 'owner');
    const headers = bearer(owner.tokens.access_token);
    const patch = (url: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url, headers, payload });
    assert.equal((await patch('/v1/users/me', { locale: 'fr-CA' })).statusCode, 200);
    assert.equal((await patch(`/v1/orgs/${owner.orgId}`, { default_currency: 'CAD' })).statusCode, 200);
    const closed = await app.inject({
      method: 'POST',
      url: '/v1/users/me/deactivate',
      headers,
      payload: { password: PASSWORD },
    });
    assert.equal(closed.statusCode, 204);

    const events = await relayAndRead(
      h.handle.pool,
      ['identity.user', 'identity.organization'],
      new Set([owner.userId, owner.orgId]),
      5,
    );
    const of = (type: string) => events.find((e) => e.envelope.eventType === `portfolioos.identity.${type}`);
    assert.equal(of('UserProfileUpdated')?.payload.locale, 'fr-CA');
    assert.equal(of('UserProfileUpdated')?.payload.display_name, 'Olive Owner');
    assert.equal(of('OrganizationUpdated')?.payload.default_currency, 'CAD');
    assert.deepEqual(
      { ...of('UserDeactivated')?.payload, occurred_at: 0 },
      {
        user_id: owner.userId,
        organization_id: owner.orgId,
        occurred_at: 0,
        reason: 'USER_REQUESTED',
        deactivated_by_user_id: null,
      },
    );
  });
});
