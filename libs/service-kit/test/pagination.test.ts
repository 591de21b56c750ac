import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import {
  decodeCursor,
  encodeCursor,
  paginationQuery,
  ProblemError,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const position = Type.Object({ created_at: Type.String(), id: Type.String() });

test('a cursor round-trips and is URL-safe', () => {
  const cursor = encodeCursor({ created_at: '2025-01-01T00:00:00Z', id: 'a/b+c?' });
  assert.match(cursor, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeCursor(cursor, position), { created_at: '2025-01-01T00:00:00Z', id: 'a/b+c?' });
});

test('garbage or wrongly shaped cursors are a 400 problem', () => {
  for (const bad of [
    '%%%',
    encodeCursor({ id: 1 }),
    Buffer.from('[1]').toString('base64url'),
    'bm90IGpzb24',
  ]) {
    assert.throws(
      () => decodeCursor(bad, position),
      (e: unknown) => e instanceof ProblemError && e.status === 400 && e.type.endsWith('/invalid-cursor'),
    );
  }
});

test('list routes get limit defaults, bounds and an invalid-cursor problem', async (t) => {
  const routes: ServicePlugin = async (app) => {
    app.get('/things', { schema: { querystring: paginationQuery } }, async (request) => ({
      limit: request.query.limit,
      after: request.query.cursor ? decodeCursor(request.query.cursor, position).id : null,
    }));
  };
  const app = await buildTestApp(t, routes);
  assert.deepEqual((await app.inject({ url: '/things' })).json(), { limit: 50, after: null });
  assert.equal((await app.inject({ url: '/things?limit=201' })).statusCode, 400);
  const next = encodeCursor({ created_at: 'x', id: 'u1' });
  assert.deepEqual((await app.inject({ url: `/things?limit=2&cursor=${next}` })).json(), {
    limit: 2,
    after: 'u1',
  });
  const bad = await app.inject({ url: '/things?cursor=nope' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().type, 'https://portfolioos.dev/problems/invalid-cursor');
});
