import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomUUID } from 'node:crypto';
import type { ConsumedRecord } from '@portfolioos/events';
import type { EventPayloads, ListingSnapshot } from '@portfolioos/schemas';
import { LISTING_SNAPSHOT } from '../src/events.js';
import { planListingBatch } from '../src/indexer/listing-batch.js';
import { listingSnapshot } from './support/listing-fixtures.js';

let offset = 0;
const place = { topic: 't', partition: 0 };

function snapshotRecord(snapshot: ListingSnapshot): ConsumedRecord<EventPayloads> {
  const envelope = {
    eventId: randomUUID(),
    eventType: LISTING_SNAPSHOT,
    source: 'listings',
    occurredAt: new Date(),
    organizationId: snapshot.organization_id,
    traceparent: null,
    tracestate: null,
  };
  const event = { envelope, type: LISTING_SNAPSHOT, key: snapshot.listing_id, payload: snapshot };
  return { kind: 'event', event: { ...event, ...place, offset: String(offset++) } };
}

const tombstoneRecord = (listingId: string): ConsumedRecord<EventPayloads> => ({
  kind: 'tombstone',
  tombstone: { key: listingId, envelope: null, ...place, offset: String(offset++) },
});

/** The plan as readable strings: "upsert <id>@<version>" / "remove <id>". */
function describePlan(records: ConsumedRecord<EventPayloads>[]) {
  const { writes, writeOf } = planListingBatch(records);
  const names = writes.map((w) =>
    w.kind === 'remove' ? `remove ${w.listingId}` : `upsert ${w.snapshot.listing_id}@${w.snapshot.version}`,
  );
  return { names, outcomeOf: writeOf.map((w) => names[w]) };
}

test('one write per listing: the highest version wins, whatever the order', () => {
  const a = listingSnapshot({ listing_id: 'a' });
  const b = listingSnapshot({ listing_id: 'b' });
  const plan = describePlan([
    snapshotRecord({ ...a, version: 2 }),
    snapshotRecord(b),
    snapshotRecord({ ...a, version: 3 }),
    snapshotRecord({ ...a, version: 1 }), // a replay of an older one
  ]);
  assert.deepEqual(plan.names, ['upsert a@3', 'upsert b@1']);
  assert.deepEqual(plan.outcomeOf, ['upsert a@3', 'upsert b@1', 'upsert a@3', 'upsert a@3']);
});

test('a tombstone supersedes what came before it; snapshots after it are written after the delete', () => {
  const a = listingSnapshot({ listing_id: 'a', version: 4 });
  const plan = describePlan([
    snapshotRecord(a),
    tombstoneRecord('a'),
    tombstoneRecord('missing'),
    snapshotRecord({ ...a, version: 5 }),
  ]);
  assert.deepEqual(plan.names, ['remove a', 'upsert a@5', 'remove missing']);
  assert.deepEqual(plan.outcomeOf, ['remove a', 'remove a', 'remove missing', 'upsert a@5']);
});
