import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Registry } from 'prom-client';
import { createEventsMetrics, createKafka, deadLetterTopicOf } from '@portfolioos/events';
import { createTcpProxy, stack, uniqueName, type TcpProxy } from '@portfolioos/testing';
import { createElasticsearch } from '../src/elasticsearch/create-elasticsearch.js';
import { createListingsIndexer } from '../src/indexer/listings-indexer.js';
import { createSearchHarness, silentLogger, type SearchHarness } from './support/harness.js';
import { listingSnapshot } from './support/listing-fixtures.js';

// The indexer reaches the shared Elasticsearch only through a proxy this test cuts; the harness's own
// client (for the assertions) goes direct.
let h: SearchHarness;
let proxy: TcpProxy;
before(async () => {
  h = await createSearchHarness({ indexer: false });
  const es = new URL(stack.elasticsearchUrl);
  proxy = await createTcpProxy({ host: es.hostname, port: Number(es.port) });
  await proxy.open();
});
after(async () => {
  await proxy.cut();
  await h.close();
});

test('Elasticsearch unreachable for longer than the retry window: every snapshot indexed, none dead-lettered', async () => {
  const registry = new Registry();
  const metrics = createEventsMetrics(registry);
  const groupId = uniqueName('search-indexer-outage');
  const indexer = createListingsIndexer({
    kafkaBrokers: [...stack.kafkaBrokers],
    schemaRegistryUrl: h.config.SCHEMA_REGISTRY_URL,
    listingsTopic: h.topic,
    groupId,
    alias: h.alias,
    db: h.handle.db,
    es: createElasticsearch(`http://127.0.0.1:${proxy.port}`),
    logger: silentLogger,
    metrics: () => metrics,
  });
  await indexer.worker.start();
  try {
    await indexer.joined();
    const before = listingSnapshot();
    await h.publish(before);
    await h.waitForVersion(before.listing_id, 1);

    await proxy.cut();
    const during = Array.from({ length: 5 }, () => listingSnapshot());
    await h.publishMany(during);
    const pauses = async () =>
      [
        ...(await registry.getSingleMetricAsString('events_consumer_outage_pauses_total')).matchAll(
          / (\d+)$/gm,
        ),
      ]
        .map((m) => Number(m[1]))
        .reduce((a, b) => a + b, 0);
    const deadline = Date.now() + 60_000;
    while ((await pauses()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.ok((await pauses()) >= 2, 'the partition paused (more than once) instead of dead-lettering');
    await proxy.open();

    for (const snapshot of during) await h.waitForVersion(snapshot.listing_id, 1);
    assert.doesNotMatch(await registry.getSingleMetricAsString('events_dead_lettered_total'), / [1-9]\d*$/m);
    const admin = createKafka({
      clientId: 'outage-check',
      brokers: [...stack.kafkaBrokers],
      logger: silentLogger,
    }).admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(deadLetterTopicOf(groupId));
    await admin.disconnect();
    assert.equal(
      offsets.reduce((n, p) => n + Number(p.high), 0),
      0,
      'nothing on the dead-letter topic',
    );
  } finally {
    await indexer.worker.stop();
  }
});
