import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { requestStringsWithoutRules } from '@portfolioos/service-kit';
import { buildSearchApp } from '../src/app.js';
import { createSearchHarness, type SearchHarness } from './support/harness.js';

let h: SearchHarness;
before(async () => {
  h = await createSearchHarness({ indexer: false });
});
after(() => h.close());

test('every request string of the search API carries the text rule or the date range', async (t) => {
  const app = await buildSearchApp(h.config, { es: h.es, logger: false });
  t.after(() => app.close());
  const document = (await app.inject({ url: '/openapi.json' })).json();
  assert.deepEqual(requestStringsWithoutRules(document), []);
  // A NUL or an out-of-range date is refused by the schema, before Elasticsearch sees it.
  for (const query of ['q=balcony%00', 'available_by=0086-04-09']) {
    const res = await app.inject({ url: `/v1/search/listings?${query}` });
    assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
  }
});
