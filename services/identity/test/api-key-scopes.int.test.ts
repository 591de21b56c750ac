import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { scopesNotHeld } from '@portfolioos/contracts';
import { createIdentityHarness, type IdentityHarness } from './support/harness.js';
import { bearer, inviteAndAccept, newEmail, signUp } from './support/flows.js';

let h: IdentityHarness;
before(async () => {
  h = await createIdentityHarness();
});
after(() => h.close());

const mint = (app: Awaited<ReturnType<IdentityHarness['app']>>, token: string, scopes: string[]) =>
  app.inject({
    method: 'POST',
    url: '/v1/api-keys',
    headers: bearer(token),
    payload: { name: 'Partner', scopes },
  });

test('a manager mints only scopes a manager holds; unknown scopes are refused by the schema', async (t) => {
  const app = await h.app(t);
  const owner = await signUp(app);
  const manager = await inviteAndAccept(app, owner, newEmail('manager'), 'manager');
  const keysBefore = await h.admin.query('select count(*)::int as n from api_keys');

  const books = await mint(app, manager.access_token, ['listings:read', 'ledger:write']);
  assert.equal(books.statusCode, 403, books.body);
  assert.match(books.json().detail, /ledger:write/);
  const invented = await mint(app, manager.access_token, ['identity:admin']);
  assert.equal(invented.statusCode, 400, invented.body);
  const keysAfter = await h.admin.query('select count(*)::int as n from api_keys');
  assert.equal(keysAfter.rows[0].n, keysBefore.rows[0].n, 'no key was created');

  assert.equal((await mint(app, manager.access_token, ['listings:write'])).statusCode, 201);
  assert.equal((await mint(app, owner.tokens.access_token, ['ledger:write'])).statusCode, 201);
});

test('scopesNotHeld: a scope is held when any of the roles holds it; unknown scopes are never held', () => {
  const catalogue = { 'a:read': ['viewer', 'owner'], 'a:write': ['owner'] };
  assert.deepEqual(scopesNotHeld(['viewer'], ['a:read', 'a:write'], catalogue), ['a:write']);
  assert.deepEqual(scopesNotHeld(['viewer', 'owner'], ['a:read', 'a:write'], catalogue), []);
  assert.deepEqual(scopesNotHeld(['owner'], ['b:read'], catalogue), ['b:read']);
});
