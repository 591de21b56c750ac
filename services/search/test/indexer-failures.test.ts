import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { errors } from '@elastic/elasticsearch';
import { classifyFailure } from '@portfolioos/events';
import { createElasticsearch } from '../src/elasticsearch/create-elasticsearch.js';
import { ListingWriteError } from '../src/listings-index/listing-bulk.js';
import { ListingWriter } from '../src/listings-index/listing-writer.js';
import { listingSnapshot } from './support/listing-fixtures.js';

// The indexer's effect is in Elasticsearch: its outages must pause the partition, not dead-letter.
test('an Elasticsearch that cannot be reached is an outage for the indexer', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  const writer = new ListingWriter(createElasticsearch(`http://127.0.0.1:${port}`), 'listings');
  const single = await writer.apply(listingSnapshot()).catch((error: unknown) => error);
  assert.ok(single instanceof errors.ConnectionError);
  assert.equal(classifyFailure(single), 'infrastructure');
  const bulk = await writer.write([{ kind: 'upsert', snapshot: listingSnapshot() }]).catch((e: unknown) => e);
  assert.equal(classifyFailure(bulk), 'infrastructure');
});

test('Elasticsearch answers: overloaded and unavailable are outages, a refused document is the event', () => {
  const response = (statusCode: number) =>
    new errors.ResponseError({
      body: { error: { type: 'x' } },
      statusCode,
      headers: {},
      warnings: null,
      meta: {} as never,
    });
  assert.equal(classifyFailure(response(503)), 'infrastructure');
  assert.equal(classifyFailure(response(429)), 'infrastructure');
  assert.equal(classifyFailure(response(400)), 'event');
  assert.equal(classifyFailure(new errors.TimeoutError('Request timed out')), 'infrastructure');
  // Bulk items: a rejected execution (queue full) or missing shards will succeed later; a mapping error never.
  assert.equal(
    classifyFailure(new ListingWriteError(429, 'es_rejected_execution_exception', 'queue full')),
    'infrastructure',
  );
  assert.equal(
    classifyFailure(new ListingWriteError(503, 'unavailable_shards_exception', 'primary')),
    'infrastructure',
  );
  assert.equal(classifyFailure(new ListingWriteError(400, 'document_parsing_exception', 'strict')), 'event');
});
