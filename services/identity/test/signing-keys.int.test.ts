import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { KeyEncryption } from '../src/crypto/key-encryption.js';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, signUp } from './support/flows.js';

describe('signing keys', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await createIdentityHarness();
  });
  after(() => h.close());

  test('the JWKS publishes public RSA keys only; private keys are encrypted at rest', async (t) => {
    const app = await h.app(t);
    const response = await app.inject({ url: '/.well-known/jwks.json' });
    assert.equal(response.statusCode, 200);
    const [key] = response.json().keys;
    assert.deepEqual(Object.keys(key).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    const { rows } = await h.admin.query('select kid, private_key_encrypted from signing_keys');
    assert.match(rows[0].private_key_encrypted, /^v1\./);
    assert.doesNotMatch(rows[0].private_key_encrypted, /PRIVATE KEY/);
    assert.throws(() =>
      new KeyEncryption(Buffer.alloc(32, 7).toString('base64')).decrypt(
        rows[0].private_key_encrypted,
        rows[0].kid,
      ),
    );
  });

  test('rotation signs with a new key while tokens of the old one stay valid and published', async (t) => {
    const app = await h.app(t);
    const before = await signUp(app);
    const oldKid = decodeProtectedHeader(before.tokens.access_token).kid;
    const newKid = await h.keys.rotate();
    assert.notEqual(newKid, oldKid);

    const after = await signUp(app);
    assert.equal(decodeProtectedHeader(after.tokens.access_token).kid, newKid);
    const kids = (await app.inject({ url: '/.well-known/jwks.json' }))
      .json()
      .keys.map((k: { kid: string }) => k.kid);
    assert.deepEqual(kids.sort(), [oldKid, newKid].sort());
    assert.equal(
      (await app.inject({ url: '/v1/me', headers: bearer(before.tokens.access_token) })).statusCode,
      200,
    );
    assert.equal(
      (await app.inject({ url: '/v1/me', headers: bearer(after.tokens.access_token) })).statusCode,
      200,
    );
  });

  test('a retired key leaves the JWKS once its tokens have expired', async () => {
    await h.admin.query(
      `update signing_keys set retired_at = now() - interval '1 day' where retired_at is not null`,
    );
    await h.keys.reload();
    assert.equal(h.keys.jwks().keys.length, 1);
  });
});
