import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, signUp } from './support/flows.js';

describe('API keys and OAuth client credentials', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('a key is shown once, stored hashed, usable as a bearer token, refused at once after revocation', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const created = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(owner.tokens.access_token),
      payload: { name: 'Accounting export', scopes: ['ledger:read'] },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { key, id, prefix } = created.json();
    assert.match(key, /^pk_[0-9a-f]{12}_/);
    assert.ok(key.startsWith(prefix));
    const stored = await h.admin.query('select secret_hash, prefix from api_keys where id = $1', [id]);
    assert.ok(!JSON.stringify(stored.rows).includes(key), 'the secret is not stored');
    const listed = await app.inject({ url: '/v1/api-keys', headers: bearer(owner.tokens.access_token) });
    assert.ok(!listed.body.includes(key), 'nor listed');

    const me = await app.inject({ url: '/v1/orgs/' + owner.orgId, headers: bearer(key) });
    assert.equal(me.statusCode, 200, 'the key acts for its organization');
    const used = await h.admin.query('select last_used_at from api_keys where id = $1', [id]);
    assert.ok(used.rows[0].last_used_at);
    assert.equal(
      (await app.inject({ url: '/v1/api-keys', headers: bearer(key) })).statusCode,
      403,
      'keys cannot manage keys',
    );

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/v1/api-keys/${id}`,
      headers: bearer(owner.tokens.access_token),
    });
    assert.equal(revoked.statusCode, 204);
    assert.equal(
      (await app.inject({ url: '/v1/orgs/' + owner.orgId, headers: bearer(key) })).statusCode,
      401,
    );
    const events = await h.admin.query(`select event_type, payload from outbox where key = $1 order by id`, [
      id,
    ]);
    assert.deepEqual(
      events.rows.map((r) => r.event_type),
      ['portfolioos.identity.ApiKeyCreated', 'portfolioos.identity.ApiKeyRevoked'],
    );
    assert.ok(!JSON.stringify(events.rows).includes(key), 'events carry the prefix only');
  });

  test('client credentials exchange a key for a scoped client token', async (t) => {
    const app = await h.app(t);
    const owner = await signUp(app);
    const { key, id, prefix } = (
      await app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: bearer(owner.tokens.access_token),
        payload: { name: 'Partner', scopes: ['leases:read', 'listings:read'] },
      })
    ).json();
    const form = (body: Record<string, string>) => ({
      method: 'POST' as const,
      url: '/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(body).toString(),
    });
    const granted = await app.inject(
      form({ grant_type: 'client_credentials', client_id: prefix, client_secret: key, scope: 'leases:read' }),
    );
    assert.equal(granted.statusCode, 200, granted.body);
    const claims = decodeJwt(granted.json().access_token);
    assert.equal(claims.kind, 'client');
    assert.equal(claims.sub, id);
    assert.equal(claims.org, owner.orgId);
    assert.equal(claims.scope, 'leases:read');

    const basic = await app.inject({
      method: 'POST',
      url: '/v1/oauth/token',
      headers: { authorization: `Basic ${Buffer.from(`${prefix}:${key}`).toString('base64')}` },
      payload: { grant_type: 'client_credentials' },
    });
    assert.equal(basic.statusCode, 200, basic.body);
    assert.equal(basic.json().scope, 'leases:read listings:read');

    const tooMuch = await app.inject(
      form({ grant_type: 'client_credentials', client_secret: key, scope: 'ledger:write' }),
    );
    assert.equal(tooMuch.json().error, 'invalid_scope');
    const badSecret = await app.inject(
      form({ grant_type: 'client_credentials', client_secret: `${key.slice(0, -2)}xx` }),
    );
    assert.equal(badSecret.statusCode, 401);
    assert.equal(badSecret.json().error, 'invalid_client');
  });
});
