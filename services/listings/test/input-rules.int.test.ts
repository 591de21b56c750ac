import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { requestStringsWithoutRules } from '@portfolioos/service-kit';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';
import { bearer, createProperty, propertyBody, unitBody } from './support/flows.js';

let h: ListingsHarness;
before(async () => {
  h = await createListingsHarness();
});
after(() => h.close());

test('every request string of the listings API carries the text rule or the date range', async (t) => {
  const app = await h.app(t);
  const document = (await app.inject({ url: '/openapi.json' })).json();
  assert.deepEqual(requestStringsWithoutRules(document), []);
});

test('a date outside 1900–9999 is a 400 at the edge, not a RangeError while building the snapshot', async (t) => {
  const app = await h.app(t);
  const token = await h.token(randomUUID(), ['manager']);
  const property = await createProperty(app, token);
  for (const availableFrom of ['0086-04-09', '1899-12-31', '0001-01-01']) {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/properties/${property.id}/units`,
      headers: bearer(token),
      payload: unitBody({ available_from: availableFrom }),
    });
    assert.equal(res.statusCode, 400, `${availableFrom}: ${res.body}`);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);
    assert.ok(fields.includes('available_from'), fields.join());
  }
  const ok = await app.inject({
    method: 'POST',
    url: `/v1/properties/${property.id}/units`,
    headers: bearer(token),
    payload: unitBody({ available_from: '1900-01-01' }),
  });
  assert.equal(ok.statusCode, 201, ok.body);
});

test('text with NUL or a lone surrogate is a 400, never a PostgreSQL error', async (t) => {
  const app = await h.app(t);
  const token = await h.token(randomUUID(), ['manager']);
  for (const name of ['Maple\u0000Court', 'Maple\uDC00Court']) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/properties',
      headers: bearer(token),
      payload: propertyBody({ name }),
    });
    assert.equal(res.statusCode, 400, res.body);
  }
  const search = await app.inject({ url: '/v1/listings/search?bbox=-98,30,-97,31&amenities=pool%00' });
  assert.equal(search.statusCode, 400);
});
