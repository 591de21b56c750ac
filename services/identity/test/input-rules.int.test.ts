import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { requestStringsWithoutRules } from '@portfolioos/service-kit';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';

let harness: IdentityHarness;
before(async () => {
  harness = await createIdentityHarness();
});
after(() => harness.close());

test('every request string of the identity API carries the text rule or the date range', async (t) => {
  const app = await harness.app(t);
  const document = (await app.inject({ url: '/openapi.json' })).json();
  assert.deepEqual(requestStringsWithoutRules(document), []);
});

const signUp = (app: Awaited<ReturnType<IdentityHarness['app']>>, displayName: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/auth/signup',
    payload: {
      email: `rules-${randomUUID()}@example.com`,
      password: 'correct horse battery staple',
      display_name: displayName,
      organization: { name: `${displayName} Rentals` },
    },
  });

test('text with NUL or a lone surrogate is a 400 naming the field, never a 500; emoji are text', async (t) => {
  const app = await harness.app(t);
  // JSON's \u escapes reach the server as the characters themselves.
  for (const name of ['Nul\u0000Byte', 'Lone\uD800Surrogate', 'Trailing\uDFFF']) {
    const res = await signUp(app, name);
    assert.equal(res.statusCode, 400, JSON.stringify(name));
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);
    assert.ok(fields.includes('display_name'), fields.join());
  }
  const { rows } = await harness.admin.query(
    `select count(*)::int as n from users where display_name like 'Lone%'`,
  );
  assert.equal(rows[0].n, 0, 'nothing was stored');
  assert.equal((await signUp(app, 'Olivia 🏠 Owner')).statusCode, 201);
});
