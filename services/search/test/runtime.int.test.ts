import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServiceRuntime } from '@portfolioos/service-runtime';
import { KAFKA_DOWN_BROKERS, readinessOf, stack, uniqueName } from '@portfolioos/testing';
import { readConfig } from '../src/config.js';
import { searchService } from '../src/runtime.js';
import { createSearchHarness, type SearchHarness } from './support/harness.js';

describe('the search runtime (server.ts in this process) while Kafka is down', () => {
  let h: SearchHarness;
  before(async () => {
    h = await createSearchHarness({ indexer: false });
  });
  after(() => h.close());

  test('boots with its indexer waiting; /readyz is 200 degraded and public search answers', async () => {
    const config = readConfig({
      DATABASE_URL: h.database.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: KAFKA_DOWN_BROKERS,
      REDIS_URL: stack.redisUrl,
      ELASTICSEARCH_URL: stack.elasticsearchUrl,
      LISTINGS_INDEX_ALIAS: h.alias,
      LISTINGS_TOPIC: h.topic,
      INDEXER_GROUP_ID: uniqueName('search-indexer-test'),
    });
    const running = await startServiceRuntime(searchService(config));
    after(() => running.close());

    assert.deepEqual(await readinessOf(running.url), {
      httpStatus: 200,
      status: 'degraded',
      checks: { postgres: 'ok', kafka: 'degraded', elasticsearch: 'ok' },
    });
    const response = await fetch(`${running.url}/v1/search/listings?q=balcony`);
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const body = JSON.parse(text) as { items: unknown[] };
    assert.deepEqual(body.items, []);
  });
});
