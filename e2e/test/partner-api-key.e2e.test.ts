// Issue 3's partner access, end to end through the ingress: an owner creates API keys at identity, and
// the listings service (another process, another database) accepts them by introspection at identity,
// by scope, within the key's organization only, and refuses a revoked key as soon as identity's ApiKeyRevoked
// reaches it (listings caches recent answers while it hears those events: libs/service-runtime).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, signUpOwner } from './ingress.js';
import { startServices } from './services.js';

let stop: () => Promise<void> = async () => {};
// The outbox relay's poll plus Kafka delivery, with room for a loaded 2-core machine.
const REVOCATION_WITHIN_MS = 5000;

before(async () => {
  stop = await startServices({ identity: 3001, listings: 3002 });
});
after(() => stop());

const property = {
  name: 'Partner Court',
  property_type: 'multi_family',
  address: { line1: '1 Main St', city: 'Austin', region: 'TX', postal_code: '78701', country: 'US' },
  location: { lat: 30.2672, lng: -97.7431 },
  time_zone: 'America/Chicago',
};

async function createKey(ownerToken: string, scopes: string[]) {
  const created = await call(
    'POST',
    '/v1/api-keys',
    { name: `partner ${scopes.join(' ')}`, scopes },
    ownerToken,
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { id: created.body.id as string, key: created.body.key as string };
}

test('a partner API key works at listings by scope, in its organization only, until revoked', async () => {
  const owner = await signUpOwner('Pat Partner-Owner', 'Pat Homes');
  const readWrite = await createKey(owner, ['listings:read', 'listings:write']);
  const readOnly = await createKey(owner, ['listings:read']);

  const created = await call('POST', '/v1/properties', property, readWrite.key);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const path = `/v1/properties/${created.body.id}`;
  assert.equal(
    (await call('GET', path, undefined, owner)).body.name,
    'Partner Court',
    'staff see what the partner made',
  );
  assert.equal((await call('GET', path, undefined, readOnly.key)).status, 200);

  const refused = await call('POST', '/v1/properties', property, readOnly.key);
  assert.equal(refused.status, 403, 'listings:read does not allow writes');
  assert.match(refused.body.detail, /listings:write/);
  const otherScope = await createKey(owner, ['leases:read']);
  assert.equal((await call('GET', path, undefined, otherScope.key)).status, 403);

  const stranger = await createKey(await signUpOwner('Sam Stranger', 'Sam Homes'), ['listings:read']);
  assert.equal((await call('GET', path, undefined, stranger.key)).status, 404, "another organization's key");

  assert.equal((await call('DELETE', `/v1/api-keys/${readOnly.id}`, undefined, owner)).status, 204);
  // The event goes outbox → Kafka → every listings replica: refused within seconds, never later.
  const revokedAt = Date.now();
  let revoked = await call('GET', path, undefined, readOnly.key);
  while (revoked.status === 200 && Date.now() - revokedAt < REVOCATION_WITHIN_MS) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    revoked = await call('GET', path, undefined, readOnly.key);
  }
  assert.equal(revoked.status, 401, `refused within ${REVOCATION_WITHIN_MS} ms of the revocation`);
  assert.equal(revoked.body.type.endsWith('/unauthorized'), true, JSON.stringify(revoked.body));
  console.log(`partner key: refused at listings ${Date.now() - revokedAt} ms after its revocation`);
  assert.equal((await call('GET', path, undefined, readWrite.key)).status, 200, 'other keys are unaffected');
});
