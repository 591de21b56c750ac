// identity's side (a real key, revocation, org isolation) is tested in services/identity; this covers what
// a calling service sees when identity misbehaves, with a stand-in HTTP server at the process boundary.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test, type TestContext } from 'node:test';
import { Type } from '@sinclair/typebox';
import {
  ApiKeyCache,
  authPlugin,
  remoteApiKeys,
  remoteJwks,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const ORG = '0b7e3f2a-6f4c-4b8e-9a51-2f6d3c1e9a10';
const KEY_ID = '9d3c1a52-44b0-4c39-8f1e-6a7b2c9d0e11';
type Handler = (body: { token?: string }, req: IncomingMessage, res: ServerResponse) => void;

const routes: ServicePlugin = async (app) => {
  const reply = { schema: { response: { 200: Type.Unknown() } } };
  app.get('/v1/whoami', reply, async (request) => request.principal);
  app.get('/v1/open', { ...reply, config: { auth: { public: true } } }, async (r) => r.principal ?? 'anon');
};

describe('remoteApiKeys', () => {
  let server: Server;
  let base: string;
  let handler: Handler;
  const seen: Array<{ authorization: string | undefined; token: string | undefined }> = [];

  before(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw || '{}') as { token?: string };
        seen.push({ authorization: req.headers.authorization, token: body.token });
        handler(body, req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  async function app(
    t: TestContext,
    url = `${base}/internal/v1/api-keys/introspect`,
    timeoutMs = 300,
    cache?: ApiKeyCache,
  ) {
    const verify = remoteApiKeys({ url, token: 'internal-secret', timeoutMs, ...(cache ? { cache } : {}) });
    return buildTestApp(t, routes, {
      plugins: {
        external: [
          authPlugin({
            accessTokens: { keys: remoteJwks(`${base}/jwks`), issuer: 'i', audience: 'a' },
            apiKeys: { prefix: 'pk_', verify },
          }),
        ],
      },
    });
  }
  const call = (a: Awaited<ReturnType<typeof app>>, path: string, key: string) =>
    a.inject({ url: path, headers: { authorization: `Bearer ${key}` } });

  test('an active key becomes an api_key principal; every call asks identity again', async (t) => {
    handler = (body, _req, res) =>
      body.token === 'pk_live'
        ? json(res, 200, { active: true, key_id: KEY_ID, organization_id: ORG, scopes: ['leases:read'] })
        : json(res, 200, { active: false });
    const a = await app(t);
    seen.length = 0;
    const first = await call(a, '/v1/whoami', 'pk_live');
    assert.equal(first.statusCode, 200);
    assert.deepEqual(first.json(), {
      kind: 'api_key',
      subject: KEY_ID,
      userId: null,
      orgId: ORG,
      roles: [],
      scopes: ['leases:read'],
      sessionId: null,
    });
    await call(a, '/v1/whoami', 'pk_live');
    assert.equal(seen.length, 2, 'no caching: revocation at identity applies to the next call');
    assert.deepEqual(seen[0], { authorization: 'Bearer internal-secret', token: 'pk_live' });
    const inactive = await call(a, '/v1/whoami', 'pk_revoked');
    assert.equal(inactive.statusCode, 401);
    assert.equal(inactive.json().type, 'https://portfolioos.dev/problems/unauthorized');
  });

  test('a cache answers only while live, and forgets what revocation events make stale', async (t) => {
    const active = { active: true, key_id: KEY_ID, organization_id: ORG, scopes: ['leases:read'] };
    handler = (body, _req, res) =>
      body.token === 'pk_live' ? json(res, 200, active) : json(res, 200, { active: false });
    const cache = new ApiKeyCache();
    const a = await app(t, undefined, undefined, cache);
    const asks = async (times: number) => {
      seen.length = 0;
      for (let i = 0; i < times; i++) assert.equal((await call(a, '/v1/whoami', 'pk_live')).statusCode, 200);
      return seen.length;
    };
    assert.equal(await asks(2), 2, 'not live (no revocation events yet): identity is asked every time');
    cache.setLive(true);
    assert.equal(await asks(3), 1, 'live: asked once, then answered from the cache');
    cache.forgetOrganization('7f1d9a0e-0000-4000-8000-000000000000');
    assert.equal(await asks(1), 0, "another organization's membership change keeps it");
    cache.forgetOrganization(ORG);
    assert.equal(await asks(2), 1, "its organization's membership change forgets it");
    cache.revokeKey(KEY_ID);
    assert.equal(await asks(2), 2, 'revoked: asked every time, an answer from before is never kept');
    cache.setLive(false);
    cache.setLive(true);
    handler = (_b, _q, res) => json(res, 200, { ...active, key_id: 'another-key', exp: 1 });
    assert.equal(await asks(2), 2, 'an expired answer is not kept');
    assert.equal((await call(a, '/v1/whoami', 'pk_other')).statusCode, 200);

    // An introspection in flight when a revocation arrives: its (older) answer is not remembered.
    let release: () => void = () => undefined;
    handler = (_b, _q, res) => {
      release = () => json(res, 200, { ...active, key_id: 'raced-key' });
    };
    const inFlight = call(a, '/v1/whoami', 'pk_raced');
    while (seen.at(-1)?.token !== 'pk_raced') await new Promise((resolve) => setImmediate(resolve));
    cache.forgetOrganization(ORG);
    release();
    assert.equal((await inFlight).statusCode, 200);
    handler = (_b, _q, res) => json(res, 200, { active: false });
    assert.equal((await call(a, '/v1/whoami', 'pk_raced')).statusCode, 401, 'asked again, not cached');
  });

  test('identity failing, slow, refusing us or unreachable is 503 problem+json, never 401 or 500', async (t) => {
    const failures: Record<string, Handler> = {
      'answers 500': (_b, _q, res) => json(res, 500, { oops: true }),
      'refuses our internal token': (_b, _q, res) => json(res, 401, { title: 'Unauthorized' }),
      'answers garbage': (_b, _q, res) => res.writeHead(200).end('<html>'),
      'omits key details': (_b, _q, res) => json(res, 200, { active: true }),
      'hangs past the timeout': () => undefined,
    };
    const a = await app(t);
    for (const [name, failing] of Object.entries(failures)) {
      handler = failing;
      const response = await call(a, '/v1/whoami', 'pk_live');
      assert.equal(response.statusCode, 503, name);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8', name);
      assert.equal(response.json().type, 'https://portfolioos.dev/problems/identity-unavailable', name);
    }
    const down = await app(t, 'http://127.0.0.1:9/introspect');
    assert.equal((await call(down, '/v1/whoami', 'pk_live')).statusCode, 503, 'connection refused');
    assert.equal((await call(down, '/v1/open', 'pk_live')).statusCode, 200, 'public routes still answer');
  });
});
