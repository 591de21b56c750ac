import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServicePlugin } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const routes: ServicePlugin = async (app) => {
  app.get('/who', async (request) => ({ id: request.id }));
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('a well-formed incoming x-request-id is kept and echoed', async (t) => {
  const app = await buildTestApp(t, routes);
  const res = await app.inject({
    method: 'GET',
    url: '/who',
    headers: { 'x-request-id': 'ingress-abc_123.4:5' },
  });
  assert.equal(res.headers['x-request-id'], 'ingress-abc_123.4:5');
  assert.deepEqual(res.json(), { id: 'ingress-abc_123.4:5' });
});

test('a missing, oversized or odd x-request-id is replaced by a UUID', async (t) => {
  const app = await buildTestApp(t, routes);
  for (const incoming of [undefined, 'x'.repeat(129), 'bad id\n{"level":60}', '']) {
    const res = await app.inject({
      method: 'GET',
      url: '/who',
      headers: incoming === undefined ? {} : { 'x-request-id': incoming },
    });
    assert.match(String(res.headers['x-request-id']), UUID);
    assert.equal(res.json().id, res.headers['x-request-id']);
  }
});

test('error responses carry the request id too', async (t) => {
  const app = await buildTestApp(t, routes);
  const res = await app.inject({ method: 'GET', url: '/missing', headers: { 'x-request-id': 'req-404' } });
  assert.equal(res.headers['x-request-id'], 'req-404');
  assert.equal(res.json().request_id, 'req-404');
});
