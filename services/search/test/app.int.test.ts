import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createKafka, checkKafka } from '@portfolioos/events';
import { Redis } from 'ioredis';
import { stack } from '@portfolioos/testing';
import { buildSearchApp } from '../src/app.js';
import { checkElasticsearch } from '../src/elasticsearch/create-elasticsearch.js';
import { ensureListingsIndex, indexBehindAlias } from '../src/listings-index/listings-index.js';
import { createSearchHarness, silentLogger, type SearchHarness } from './support/harness.js';

describe('search app', () => {
  let h: SearchHarness;
  before(async () => {
    h = await createSearchHarness({ indexer: false });
  });
  after(() => h.close());

  test('/readyz checks Elasticsearch, PostgreSQL and Kafka', async () => {
    const kafka = createKafka({
      clientId: 'search-test',
      brokers: [...stack.kafkaBrokers],
      logger: silentLogger,
    });
    const app = await buildSearchApp(h.config, {
      es: h.es,
      logger: false,
      readiness: {
        elasticsearch: () => checkElasticsearch(h.es),
        postgres: () => h.handle.pool.query('select 1'),
        kafka: () => checkKafka(kafka),
      },
    });
    after(() => app.close());
    const res = await app.inject({ url: '/readyz' });
    assert.equal(res.statusCode, 200, res.body);
  });

  test('the index is created once behind the alias, idempotently', async () => {
    const index = await indexBehindAlias(h.es, h.alias);
    assert.equal(index, `${h.alias}_v1`);
    assert.equal(await ensureListingsIndex(h.es, h.alias), index);
    const mapping = await h.es.indices.getMapping({ index: h.alias });
    assert.equal(mapping[index!]?.mappings.properties?.location?.type, 'geo_point');
  });

  test('the search route is public and documented', async () => {
    const res = await h.app.inject({ url: '/v1/search/listings' });
    assert.equal(res.statusCode, 200, res.body);
    const spec = (await h.app.inject({ url: '/openapi.json' })).json();
    assert.ok(spec.paths['/v1/search/listings']?.get);
  });

  test('search is limited per client address through Redis; health routes are not', async () => {
    const redis = new Redis(stack.redisUrl);
    const config = { ...h.config, PUBLIC_RATE_LIMIT_MAX: 2 };
    const app = await buildSearchApp(config, { es: h.es, logger: false, rateLimitRedis: redis });
    after(async () => {
      await app.close();
      await redis.quit();
    });
    const client = { 'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 250)}` };
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await app.inject({ url: '/v1/search/listings', headers: client })).statusCode);
    assert.deepEqual(statuses, [200, 200, 429]);
    for (let i = 0; i < 3; i += 1)
      assert.equal((await app.inject({ url: '/healthz', headers: client })).statusCode, 200);
  });
});
