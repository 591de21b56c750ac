import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const note = strictObject({
  title: Text({ maxLength: 100 }),
  tags: Type.Array(Text({ maxLength: 20 })),
  owner: strictObject({ name: Text() }),
});

test('a lone surrogate anywhere in a JSON body is a 400 naming the field; NUL too; pairs (emoji) are text', async (t) => {
  let handled = 0;
  const app = await buildTestApp(t, async (scope) => {
    scope.post('/notes', { schema: { body: note } }, async () => ({ ok: ++handled }));
  });
  // Raw JSON with \u escapes: what a client sends; JSON.parse turns them into lone surrogates.
  const send = (json: string) =>
    app.inject({
      method: 'POST',
      url: '/notes',
      headers: { 'content-type': 'application/json' },
      payload: json,
    });
  const cases: [json: string, field: string][] = [
    ['{"title":"a\\ud800b","tags":[],"owner":{"name":"x"}}', 'title'],
    ['{"title":"a","tags":["ok","\\udc00"],"owner":{"name":"x"}}', 'tags.1'],
    ['{"title":"a","tags":[],"owner":{"name":"\\udbff"}}', 'owner.name'],
    ['{"title":"a\\u0000b","tags":[],"owner":{"name":"x"}}', 'title'],
  ];
  for (const [json, field] of cases) {
    const res = await send(json);
    assert.equal(res.statusCode, 400, json);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);
    assert.deepEqual(fields, [field], json);
  }
  assert.equal(handled, 0, 'no handler ran');
  const emoji = await send('{"title":"home \\ud83c\\udfe0","tags":[],"owner":{"name":"x"}}');
  assert.equal(emoji.statusCode, 200, emoji.body);
});
