import type { Client } from '@elastic/elasticsearch';
import type { Kafka } from 'kafkajs';
import type { ListingSnapshot } from '@portfolioos/schemas';
import type { AvroSerde } from '@portfolioos/events';
import { envelopeFromHeaders } from '@portfolioos/events';
import { LISTING_SNAPSHOT } from '../events.js';
import { bulkWriteListings, type ListingWrite } from '../listings-index/listing-bulk.js';
import { createListingsIndex, swapAlias, versionedIndexName } from '../listings-index/listings-index.js';
import { readTopicUntil, topicEnd, type TopicRecord } from './read-topic.js';

export interface RebuildOptions {
  es: Client;
  kafka: Kafka;
  serde: AvroSerde;
  alias: string;
  topic: string;
  /** Reports records read so far out of the total to read. */
  onProgress?: (done: number, total: number) => void;
}

export interface RebuildResult {
  index: string;
  previous: string[];
  records: number;
}

/**
 * Builds `<alias>_v<n+1>` from the compacted snapshot topic (offset 0 to its current end), swaps the alias
 * atomically, then replays what arrived on the topic during the build into the new index. The live indexer
 * keeps writing through the alias the whole time: before the swap into the old index, after it into the
 * new one; external versioning makes the overlap harmless. Old indices are kept for the operator to drop.
 */
export async function rebuildListingsIndex(options: RebuildOptions): Promise<RebuildResult> {
  const { es, alias } = options;
  const previous = await es.indices
    .exists({ index: `${alias}_v*` })
    .then(async (any) => (any ? Object.keys(await es.indices.get({ index: `${alias}_v*` })) : []));
  const next = versionedIndexName(alias, nextVersion(alias, previous));
  await createListingsIndex(es, next);
  // Bulk loading: no refreshes until the end.
  await es.indices.putSettings({ index: next, settings: { refresh_interval: '-1' } });

  const end = await topicEnd(options.kafka, options.topic);
  const total = [...end.values()].reduce((sum, e) => sum + e.high - e.low, 0);
  let records = 0;
  const load = (batch: TopicRecord[]) =>
    bulkApply(es, next, options.serde, batch).then(() => {
      records += batch.length;
      options.onProgress?.(records, total);
    });
  await readTopicUntil(options.kafka, options.topic, end, null, load);
  await es.indices.putSettings({ index: next, settings: { refresh_interval: '1s' } });
  await es.indices.refresh({ index: next });
  await swapAlias(es, alias, next);
  // Catch up with what the live indexer wrote to the old index while the new one was being built.
  const caughtUpTo = await topicEnd(options.kafka, options.topic);
  await readTopicUntil(options.kafka, options.topic, caughtUpTo, end, (batch) =>
    bulkApply(es, next, options.serde, batch),
  );
  return { index: next, previous, records };
}

function nextVersion(alias: string, indices: string[]): number {
  const versions = indices.map((i) => Number(i.slice(alias.length + 2))).filter(Number.isInteger);
  return Math.max(0, ...versions) + 1;
}

/** Applies a batch with the same rules as the live indexer: external versions, tombstones delete. */
async function bulkApply(es: Client, index: string, serde: AvroSerde, batch: TopicRecord[]): Promise<void> {
  const writes: ListingWrite[] = [];
  for (const record of batch) {
    if (!record.key) continue;
    if (record.value === null) {
      writes.push({ kind: 'remove', listingId: record.key, version: tombstoneVersion(record.headers) });
      continue;
    }
    const type = envelopeFromHeaders(record.headers).eventType;
    if (type !== LISTING_SNAPSHOT) continue;
    writes.push({ kind: 'upsert', snapshot: (await serde.decode(type, record.value)) as ListingSnapshot });
  }
  const failed = (await bulkWriteListings(es, index, writes)).find((error) => error !== null);
  if (failed) throw new Error(`bulk indexing failed: ${failed.message}`);
}

// A tombstone from the listings outbox carries its version; a bare one (no envelope) has none.
function tombstoneVersion(headers: TopicRecord['headers']): number | null {
  try {
    return envelopeFromHeaders(headers).aggregateVersion ?? null;
  } catch {
    return null;
  }
}
