import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import {
  cursorInstant,
  cursorInteger,
  cursorNumber,
  cursorUuid,
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

test('cursor fields admit only what a query can cast: real instants, uuids, bounded integers, finite numbers', () => {
  const schema = Type.Object({
    at: cursorInstant('milliseconds'),
    id: cursorUuid(),
    price: cursorInteger(0, 1e12),
    metres: cursorNumber(0),
  });
  const valid = {
    at: '2024-05-01T12:00:00.123Z',
    id: '0b7e4c5a-2f0e-4a53-9a43-2f8e1d0c9b11',
    price: 5,
    metres: 0.5,
  };
  assert.deepEqual(decodeCursor(encodeCursor(valid), schema), valid);
  const invalid = (field: string, value: unknown) => encodeCursor({ ...valid, [field]: value });
  const raw = (json: string) => Buffer.from(json).toString('base64url');
  for (const bad of [
    invalid('at', '2024-02-30T00:00:00.000Z'),
    invalid('at', '0000-01-01T00:00:00.000Z'),
    invalid('at', '2024-05-01T12:00:00.123456Z'),
    invalid('at', 'yesterday'),
    invalid('id', 'not-a-uuid'),
    invalid('price', 0.5),
    invalid('price', 2 ** 63),
    invalid('price', -1),
    invalid('metres', -1),
    raw(JSON.stringify(valid).replace('"metres":0.5', '"metres":1e999')),
    `${encodeCursor(valid)}*`,
  ]) {
    assert.throws(
      () => decodeCursor(bad, schema),
      (e: unknown) => e instanceof ProblemError && e.status === 400 && e.type.endsWith('/invalid-cursor'),
      bad,
    );
  }
  const micro = Type.Object({ at: cursorInstant('microseconds') });
  assert.deepEqual(decodeCursor(encodeCursor({ at: '2024-05-01T12:00:00.123456Z' }), micro), {
    at: '2024-05-01T12:00:00.123456Z',
  });
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
