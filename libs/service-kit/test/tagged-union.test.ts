import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { strictObject, taggedUnion } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const shape = taggedUnion([
  strictObject({ type: Type.Literal('Point'), at: Type.Number() }),
  strictObject({ type: Type.Literal('Box'), side: Type.Number() }),
]);

test('a tagged union refuses what is not an object of one of its members (400, never to the handler)', async (t) => {
  // Without `type: object` beside the discriminator, ajv let [null, null] and "x" through, and listings'
  // polygon search answered 500 reading the rings of an array (found by the fuzzer).
  const app = await buildTestApp(t, async (scope) => {
    scope.post('/shapes', { schema: { body: strictObject({ shape }) } }, async () => ({ ok: true }));
  });
  for (const value of [[null, null], 'x', 5, null, {}, { type: 'Circle' }, { type: 'Point', side: 1 }]) {
    const res = await app.inject({ method: 'POST', url: '/shapes', payload: { shape: value } });
    assert.equal(res.statusCode, 400, JSON.stringify(value));
  }
  const ok = await app.inject({
    method: 'POST',
    url: '/shapes',
    payload: { shape: { type: 'Box', side: 2 } },
  });
  assert.equal(ok.statusCode, 200);
});
