import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogRegistry, eventTopics, eventTypes } from '../src/index.js';

test('catalogRegistry knows every catalogued event type on its catalog topic', () => {
  const registry = catalogRegistry();
  for (const type of eventTypes) {
    assert.ok(registry.has(type), type);
    assert.equal(registry.topicOf(type), eventTopics[type]);
  }
  assert.equal(
    registry.subjectOf('portfolioos.listings.ListingSnapshot'),
    'listings.listing-portfolioos.listings.ListingSnapshot',
  );
  // Payloads are checked against the generated schema.
  assert.throws(() => registry.validate('portfolioos.listings.ListingSnapshot', { listing_id: 'x' }));
});

test('renaming a catalog topic moves every event type on it, and nothing else', () => {
  const registry = catalogRegistry({ 'leasing.lease': 'test.leasing.lease.1' });
  const onLeases = eventTypes.filter((type) => eventTopics[type] === 'leasing.lease');
  assert.ok(onLeases.length > 1);
  for (const type of onLeases) assert.equal(registry.topicOf(type), 'test.leasing.lease.1');
  assert.equal(registry.topicOf('portfolioos.listings.ListingSnapshot'), 'listings.listing');
});
