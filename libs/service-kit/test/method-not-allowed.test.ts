import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { strictObject, type ServicePlugin } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const routes: ServicePlugin = async (app) => {
  app.get('/units', async () => []);
  app.post('/units', { schema: { body: strictObject({ name: Type.String() }) } }, async () => ({}));
  app.get('/units/:id', async () => ({}));
  app.patch('/units/:unitId', async () => ({}));
  await app.register(
    async (scoped) => {
      scoped.delete('/:id', async () => ({}));
    },
    { prefix: '/leases' },
  );
};

test('an undeclared method on a known path is 405 problem+json with Allow listing the declared ones', async (t) => {
  const app = await buildTestApp(t, routes);
  const res = await app.inject({ method: 'DELETE', url: '/units?limit=5' });
  assert.equal(res.statusCode, 405);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(res.headers.allow, 'GET, HEAD, POST');
  const problem = res.json<{ type: string; status: number; instance: string }>();
  assert.equal(problem.type, 'https://portfolioos.dev/problems/method-not-allowed');
  assert.equal(problem.status, 405);
  assert.equal(problem.instance, '/units');

  // Parameters match as the router does, whatever they are called; prefixes count.
  const byId = await app.inject({ method: 'PUT', url: '/units/8c9e5a0e-7a39-4d0e-bd5b-36d8f9d2e1a4' });
  assert.equal(byId.statusCode, 405);
  assert.equal(byId.headers.allow, 'GET, HEAD, PATCH');
  const lease = await app.inject({ method: 'GET', url: '/leases/42' });
  assert.equal(lease.statusCode, 405);
  assert.equal(lease.headers.allow, 'DELETE');
});

test('an unknown path stays 404, and declared methods are still routed', async (t) => {
  const app = await buildTestApp(t, routes);
  const missing = await app.inject({ method: 'DELETE', url: '/nowhere' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.headers.allow, undefined);
  assert.match(String(missing.headers['content-type']), /^application\/problem\+json/);
  assert.equal((await app.inject({ method: 'GET', url: '/units' })).statusCode, 200);
  assert.equal((await app.inject({ method: 'PATCH', url: '/units/7' })).statusCode, 200);
});

test("a prefixed plugin's '/' routes: Allow is the same with and without the trailing slash", async (t) => {
  // Fastify answers '/tenants' and '/tenants/' but tells onRoute only of the first (and of both HEADs):
  // '/tenants/' answered 405 "it takes HEAD" to an OPTIONS (found by the fuzzer on leasing).
  const app = await buildTestApp(t, async (root) => {
    await root.register(
      async (scoped) => {
        scoped.get('/', async () => []);
        scoped.post('/', async () => ({}));
      },
      { prefix: '/tenants' },
    );
  });
  for (const url of ['/tenants', '/tenants/', '/tenants/?limit=5']) {
    const res = await app.inject({ method: 'OPTIONS', url });
    assert.equal(res.statusCode, 405, url);
    assert.equal(res.headers.allow, 'GET, HEAD, POST', url);
  }
});

test('a method with a body and no Content-Type (QUERY) is 405 too, not a 400 from body parsing', async (t) => {
  const app = await buildTestApp(t, routes);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/units`, { method: 'QUERY' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, HEAD, POST');
  assert.match(String(res.headers.get('content-type')), /^application\/problem\+json/);
});

test('an empty path parameter names no resource: /units/ with PATCH is 405 (GET still lists)', async (t) => {
  const app = await buildTestApp(t, routes);
  const res = await app.inject({ method: 'PATCH', url: '/units/' });
  assert.equal(res.statusCode, 405);
  assert.equal(res.headers.allow, 'GET, HEAD, POST');
  assert.equal((await app.inject({ method: 'GET', url: '/units' })).statusCode, 200);
});

test('a fixed path is not taken by a parametric route for another method: PATCH /units/search is 405', async (t) => {
  const app = await buildTestApp(t, async (root) => {
    await routes(root, {});
    root.get('/units/search', async () => []);
  });
  const res = await app.inject({ method: 'PATCH', url: '/units/search' });
  assert.equal(res.statusCode, 405);
  assert.equal(res.headers.allow, 'GET, HEAD');
  assert.equal((await app.inject({ method: 'GET', url: '/units/search' })).statusCode, 200);
  assert.equal((await app.inject({ method: 'PATCH', url: '/units/42' })).statusCode, 200);
});
