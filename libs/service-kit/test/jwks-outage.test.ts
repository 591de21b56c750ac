import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { authPlugin, remoteJwks, type ServicePlugin } from '@portfolioos/service-kit';
import {
  createTcpProxy,
  createTestTokenSigner,
  type TcpProxy,
  type TestTokenSigner,
} from '@portfolioos/testing';
import { buildTestApp } from './helper.js';

const ORG = '9d2b7f3e-8c1a-4b5d-9e6f-0a1b2c3d4e5f';
const routes: ServicePlugin = async (app) => {
  app.get('/v1/whoami', async (request) => ({ subject: request.principal?.subject ?? null }));
};

// identity's JWKS endpoint behind a TCP proxy the test cuts; the signer signs as identity would.
let signer: TestTokenSigner;
let stranger: TestTokenSigner;
let jwks: { url: string; close(): Promise<void> };
let proxy: TcpProxy;
before(async () => {
  signer = await createTestTokenSigner({ kid: 'identity-key' });
  stranger = await createTestTokenSigner({
    kid: 'unknown-key',
    issuer: signer.issuer,
    audience: signer.audience,
  });
  jwks = await signer.serveJwks();
  proxy = await createTcpProxy({ host: '127.0.0.1', port: Number(new URL(jwks.url).port) });
  await proxy.open();
});
after(async () => {
  await proxy.cut();
  await jwks.close();
});

test('identity unreachable with a stale JWKS cache: 503 with Retry-After, not 401; an unknown key stays 401', async (t) => {
  const url = `http://127.0.0.1:${proxy.port}/.well-known/jwks.json`;
  // A cache stale after 1 ms, so every request after the first must refetch the key set.
  const keys = remoteJwks(url, { cooldownMs: 0, maxAgeMs: 1 });
  const app = await buildTestApp(t, routes, {
    plugins: {
      external: [authPlugin({ accessTokens: { keys, issuer: signer.issuer, audience: signer.audience } })],
    },
  });
  const whoami = async (token: string) =>
    app.inject({ url: '/v1/whoami', headers: { authorization: `Bearer ${token}` } });
  const valid = await signer.staffToken(ORG);

  assert.equal((await whoami(valid)).statusCode, 200, 'reachable: the key is fetched and cached');
  await proxy.cut();
  const outage = await whoami(valid);
  assert.equal(outage.statusCode, 503, outage.body);
  assert.match(String(outage.headers['content-type']), /application\/problem\+json/);
  assert.equal(outage.json().type, 'https://portfolioos.dev/problems/identity-unavailable');
  assert.ok(Number(outage.headers['retry-after']) > 0, 'Retry-After tells the client when to try again');

  await proxy.open();
  const unknown = await whoami(await stranger.staffToken(ORG));
  assert.equal(unknown.statusCode, 401, 'a key the reachable JWKS does not hold is not valid');
  assert.equal((await whoami(valid)).statusCode, 200, 'back once identity answers again');
});
