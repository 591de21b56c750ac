import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, signUp, type SignedUp } from './support/flows.js';
import { partnerApp } from './support/partner-app.js';

const INTERNAL_API_TOKEN = randomBytes(32).toString('base64');
const INGRESS = process.env.PORTFOLIOOS_TEST_INGRESS_URL ?? 'http://127.0.0.1:8080';

async function createKey(app: ServiceApp, owner: SignedUp, body: Record<string, unknown>) {
  const created = await app.inject({
    method: 'POST',
    url: '/v1/api-keys',
    headers: bearer(owner.tokens.access_token),
    payload: { name: 'Partner', scopes: ['ledger:read'], ...body },
  });
  assert.equal(created.statusCode, 201, created.body);
  return created.json() as { id: string; key: string };
}

describe('API keys accepted by every service (introspection at identity)', () => {
  let h: IdentityHarness;
  let identity: ServiceApp;
  let identityUrl: string;
  before(async () => {
    h = await createIdentityHarness({ INTERNAL_API_TOKEN });
    identity = await h.app({ after: () => undefined });
    identityUrl = await identity.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await identity.close();
    await h.close();
  });

  const ledger = (app: ServiceApp, orgId: string, token: string) =>
    app.inject({ url: `/v1/ledger/${orgId}`, headers: bearer(token) });

  test('a key works at another service, only for its own org, and is refused right after revocation', async (t) => {
    const partner = await partnerApp(t, identityUrl, h.config);
    const [a, b] = [await signUp(identity, 'Org A'), await signUp(identity, 'Org B')];
    const keyA = await createKey(identity, a, {});

    const ok = await ledger(partner, a.orgId, keyA.key);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { organization_id: a.orgId, caller: 'api_key' });
    assert.equal((await ledger(partner, b.orgId, keyA.key)).statusCode, 404, "org B's data does not exist");
    assert.equal((await ledger(partner, a.orgId, a.tokens.access_token)).statusCode, 200, 'JWTs too');
    const used = await h.admin.query('select last_used_at from api_keys where id = $1', [keyA.id]);
    assert.ok(used.rows[0].last_used_at, 'last use is stamped');

    const revoked = await identity.inject({
      method: 'DELETE',
      url: `/v1/api-keys/${keyA.id}`,
      headers: bearer(a.tokens.access_token),
    });
    assert.equal(revoked.statusCode, 204);
    const next = await ledger(partner, a.orgId, keyA.key);
    assert.equal(next.statusCode, 401, 'the very next call is refused');
    assert.equal(next.headers['content-type'], 'application/problem+json; charset=utf-8');
  });

  test('wrong, unknown, malformed, expired and under-scoped keys are refused', async (t) => {
    const partner = await partnerApp(t, identityUrl, h.config);
    const owner = await signUp(identity);
    const { key, id } = await createKey(identity, owner, {});
    const soon = await createKey(identity, owner, {
      expires_at: new Date(Date.now() + 60_000).toISOString(),
    });
    await h.admin.query(`update api_keys set expires_at = now() - interval '1 second' where id = $1`, [
      soon.id,
    ]);
    const narrow = await createKey(identity, owner, { scopes: ['leases:read'] });
    const refused: Record<string, [string, number]> = {
      'wrong secret': [`${key.slice(0, -4)}AAAA`, 401],
      'unknown prefix': [`pk_000000000000_${key.split('_')[2]}`, 401],
      malformed: ['pk_nonsense', 401],
      expired: [soon.key, 401],
      'lacking the scope': [narrow.key, 403],
    };
    for (const [name, [presented, status]] of Object.entries(refused)) {
      assert.equal((await ledger(partner, owner.orgId, presented)).statusCode, status, name);
    }
    assert.equal((await ledger(partner, owner.orgId, key)).statusCode, 200, `${id} itself still works`);
  });

  test('introspection needs the internal token and is not reachable through the public ingress', async () => {
    const introspect = (authorization?: string) =>
      identity.inject({
        method: 'POST',
        url: '/internal/v1/api-keys/introspect',
        headers: authorization ? { authorization } : {},
        payload: { token: 'pk_whatever' },
      });
    assert.equal((await introspect()).statusCode, 401);
    assert.equal((await introspect(`Bearer ${INTERNAL_API_TOKEN}x`)).statusCode, 401);
    const inactive = await introspect(`Bearer ${INTERNAL_API_TOKEN}`);
    assert.equal(inactive.statusCode, 200);
    assert.deepEqual(inactive.json(), { active: false });
    assert.equal(inactive.headers['cache-control'], 'no-store');
    const viaIngress = await fetch(`${INGRESS}/internal/v1/api-keys/introspect`, { method: 'POST' });
    assert.equal(viaIngress.status, 404, 'the ingress routes no /internal path');
  });

  test('an app without the internal token configured refuses every introspection', async (t) => {
    const unconfigured = await h.app(t, { INTERNAL_API_TOKEN: '' });
    const response = await unconfigured.inject({
      method: 'POST',
      url: '/internal/v1/api-keys/introspect',
      headers: { authorization: 'Bearer ' },
      payload: { token: 'pk_whatever' },
    });
    assert.equal(response.statusCode, 401);
  });

  test('cost per key-authenticated request at another service (diagnostic)', async (t) => {
    const partner = await partnerApp(t, identityUrl, h.config);
    const owner = await signUp(identity);
    const { key } = await createKey(identity, owner, {});
    const time = async (token: string, n: number) => {
      await ledger(partner, owner.orgId, token);
      const started = process.hrtime.bigint();
      for (let i = 0; i < n; i++) assert.equal((await ledger(partner, owner.orgId, token)).statusCode, 200);
      return Number(process.hrtime.bigint() - started) / 1e6 / n;
    };
    const jwtMs = await time(owner.tokens.access_token, 200);
    const keyMs = await time(key, 200);
    t.diagnostic(
      `per request: JWT ${jwtMs.toFixed(2)} ms, API key ${keyMs.toFixed(2)} ms (sequential, n=200)`,
    );
  });

  test('identity being down is 503 problem+json at the other service, not 401', async (t) => {
    const partner = await partnerApp(t, identityUrl, h.config);
    const owner = await signUp(identity);
    const { key } = await createKey(identity, owner, {});
    await identity.close();
    const response = await ledger(partner, owner.orgId, key);
    assert.equal(response.statusCode, 503);
    assert.equal(response.json().type, 'https://portfolioos.dev/problems/identity-unavailable');
  });
});
