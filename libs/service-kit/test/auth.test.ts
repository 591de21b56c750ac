import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test, type TestContext } from 'node:test';
import { Type } from '@sinclair/typebox';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { authPlugin, remoteJwks, type Principal, type ServicePlugin } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const ISSUER = 'https://identity.test';
const AUDIENCE = 'portfolioos';
const ORG = '0b7e3f2a-6f4c-4b8e-9a51-2f6d3c1e9a10';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

function sign(
  key: SigningKey,
  claims: Record<string, unknown> = {},
  options: { exp?: string | number; iss?: string; aud?: string } = {},
) {
  return new SignJWT({ kind: 'user', org: ORG, roles: ['owner'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setSubject('5c3f1f8e-2b1a-4d6e-8f9a-0c1d2e3f4a5b')
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(key.privateKey);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const routes: ServicePlugin = async (app) => {
  const principal = Type.Unknown();
  const reply = { schema: { response: { 200: principal } } };
  app.get('/v1/whoami', reply, async (request) => request.principal);
  app.get('/v1/owners-only', { ...reply, config: { auth: { roles: ['owner'] } } }, async () => 'ok');
  app.get('/v1/managers-only', { ...reply, config: { auth: { roles: ['manager'] } } }, async () => 'ok');
  app.get('/v1/scoped', { ...reply, config: { auth: { scopes: ['leases:read'] } } }, async () => 'ok');
  app.get('/v1/public', { ...reply, config: { auth: { public: true } } }, async (r) => r.principal);
  app.get('/v1/admin', { ...reply, config: { auth: { platform: 'admin' } } }, async (r) => r.principal);
};

describe('auth plugin', () => {
  const jwks: { keys: JWK[] } = { keys: [] };
  let jwksFetches = 0;
  let server: Server;
  let url: string;
  let current: SigningKey;

  before(async () => {
    current = await newKey('key-1');
    jwks.keys.push(current.jwk);
    server = createServer((_req, res) => {
      jwksFetches += 1;
      res.setHeader('content-type', 'application/json').end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function app(t: TestContext) {
    const apiKeyPrincipal: Principal = {
      kind: 'api_key',
      subject: 'key-id',
      userId: null,
      orgId: ORG,
      roles: [],
      scopes: ['leases:read'],
      sessionId: null,
    };
    return buildTestApp(t, routes, {
      plugins: {
        external: [
          authPlugin({
            accessTokens: { keys: remoteJwks(url, { cooldownMs: 0 }), issuer: ISSUER, audience: AUDIENCE },
            apiKeys: { prefix: 'pk_', verify: async (key) => (key === 'pk_good' ? apiKeyPrincipal : null) },
          }),
        ],
      },
    });
  }

  const call = (a: Awaited<ReturnType<typeof app>>, path: string, token?: string) =>
    a.inject({ method: 'GET', url: path, headers: token ? { authorization: `Bearer ${token}` } : {} });

  test('a valid token yields the principal', async (t) => {
    const a = await app(t);
    const response = await call(a, '/v1/whoami', await sign(current));
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      kind: 'user',
      subject: '5c3f1f8e-2b1a-4d6e-8f9a-0c1d2e3f4a5b',
      userId: '5c3f1f8e-2b1a-4d6e-8f9a-0c1d2e3f4a5b',
      orgId: ORG,
      roles: ['owner'],
      scopes: [],
      sessionId: null,
    });
  });

  test('every forged or unusable token is refused with 401 problem+json', async (t) => {
    const a = await app(t);
    const stranger = await newKey('key-1'); // same kid, different key: a forged signature
    const valid = await sign(current);
    const [header, payload, signature] = valid.split('.');
    const forged: Record<string, string> = {
      missing: '',
      'alg none': `${b64({ alg: 'none', kid: 'key-1' })}.${payload}.`,
      'HS256 keyed with the public key': await new SignJWT({ kind: 'user', org: ORG, roles: ['owner'] })
        .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
        .setSubject('x')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(JSON.stringify(current.jwk))),
      'signed by another key': await sign(stranger),
      'tampered payload': `${header}.${b64({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['owner', 'admin'] })}.${signature}`,
      'wrong issuer': await sign(current, {}, { iss: 'https://evil.test' }),
      'wrong audience': await sign(current, {}, { aud: 'other' }),
      expired: await sign(current, {}, { exp: Math.floor(Date.now() / 1000) - 60 }),
      'unknown kid': await sign(await newKey('nobody-knows')),
      'unknown kind': await sign(current, { kind: 'root' }),
      'unknown API key': 'pk_revoked',
    };
    for (const [name, token] of Object.entries(forged)) {
      const response = await call(a, '/v1/whoami', token || undefined);
      assert.equal(response.statusCode, 401, name);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8', name);
    }
    const basic = await a.inject({ url: '/v1/whoami', headers: { authorization: 'Basic dXNlcjpwdw==' } });
    assert.equal(basic.statusCode, 401);
  });

  test('expired tokens say so, so clients know to refresh', async (t) => {
    const a = await app(t);
    const response = await call(a, '/v1/whoami', await sign(current, {}, { exp: 1 }));
    assert.equal(response.json().detail, 'The access token has expired.');
  });

  test('roles and scopes are enforced per route with 403', async (t) => {
    const a = await app(t);
    const owner = await sign(current);
    assert.equal((await call(a, '/v1/owners-only', owner)).statusCode, 200);
    assert.equal((await call(a, '/v1/managers-only', owner)).statusCode, 403);
    assert.equal((await call(a, '/v1/scoped', owner)).statusCode, 403, 'people are judged by role');
    assert.equal((await call(a, '/v1/scoped', 'pk_good')).statusCode, 200);
    assert.equal((await call(a, '/v1/owners-only', 'pk_good')).statusCode, 403, 'keys are judged by scope');
    const client = await sign(current, { kind: 'client', roles: [], scope: 'leases:read leases:write' });
    assert.equal((await call(a, '/v1/scoped', client)).statusCode, 200);
  });

  test('platform admin tokens open admin routes only; nobody else opens them', async (t) => {
    const a = await app(t);
    const admin = await sign(current, { kind: 'admin', org: null, roles: [] });
    const answer = await call(a, '/v1/admin', admin);
    assert.equal(answer.statusCode, 200);
    assert.equal(answer.json().kind, 'admin');
    assert.equal(answer.json().userId, '5c3f1f8e-2b1a-4d6e-8f9a-0c1d2e3f4a5b', 'an admin is a person');
    assert.equal((await call(a, '/v1/whoami', admin)).statusCode, 403, 'not an organization member');
    assert.equal((await call(a, '/v1/owners-only', admin)).statusCode, 403);
    assert.equal((await call(a, '/v1/scoped', admin)).statusCode, 403);
    assert.equal((await call(a, '/v1/admin', await sign(current))).statusCode, 403, 'an owner is no admin');
    assert.equal((await call(a, '/v1/admin', 'pk_good')).statusCode, 403);
    assert.equal((await call(a, '/v1/admin')).statusCode, 401);
  });

  test('public routes and the kit routes need no credentials; a bad token there is ignored', async (t) => {
    const a = await app(t);
    assert.equal((await call(a, '/v1/public')).statusCode, 200);
    assert.equal((await call(a, '/v1/public', 'garbage.token.here')).statusCode, 200);
    assert.equal((await call(a, '/healthz')).statusCode, 200);
    assert.equal((await call(a, '/openapi.json')).statusCode, 200);
    assert.equal((await call(a, '/v1/nowhere')).statusCode, 404);
  });

  test('a key rotated in at identity is picked up on its first unknown kid', async (t) => {
    const a = await app(t);
    assert.equal((await call(a, '/v1/whoami', await sign(current))).statusCode, 200);
    const fetchesBefore = jwksFetches;
    const next = await newKey('key-2');
    jwks.keys.push(next.jwk);
    assert.equal((await call(a, '/v1/whoami', await sign(next))).statusCode, 200);
    assert.equal(jwksFetches, fetchesBefore + 1);
    assert.equal((await call(a, '/v1/whoami', await sign(current))).statusCode, 200, 'old key still valid');
  });
});
