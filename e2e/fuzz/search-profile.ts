import { randomUUID } from 'node:crypto';
import {
  AvroSerde,
  createKafka,
  deadLetterTopicOf,
  ensureTopics,
  envelopeToHeaders,
  type EventsLogger,
} from '@portfolioos/events';
import { catalogRegistry, type ListingSnapshot } from '@portfolioos/schemas';
import { stack, uniqueName } from '@portfolioos/testing';
import type { FuzzProfile } from './profiles.js';

const LISTING_SNAPSHOT = 'portfolioos.listings.ListingSnapshot';
const quiet: EventsLogger = { info() {}, warn() {}, error() {} };

/**
 * Search reads listings from the snapshot topic: the fuzzer gives it a topic, consumer group and index
 * alias of its own (real Kafka and Elasticsearch), seeds snapshots there as the listings relay would, and
 * waits until search answers them, so searches find something to page, facet and highlight.
 */
export function searchProfile(): FuzzProfile {
  const topic = uniqueName('fuzz.listings.listing');
  const groupId = uniqueName('fuzz-search-indexer');
  const alias = uniqueName('fuzz-listings');
  const kafka = createKafka({ clientId: 'fuzz-seed', brokers: [...stack.kafkaBrokers], logger: quiet });
  return {
    unstatedRules: {
      // One area of bbox | near + radius_m, sort=distance needs near, an area Elasticsearch can use.
      'GET /v1/search/listings': 'the search area rules span query parameters',
      'POST /v1/search/listings': 'the search area rules span fields; Elasticsearch checks the polygon',
    },
    env: () => ({
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      LISTINGS_TOPIC: topic,
      INDEXER_GROUP_ID: groupId,
      LISTINGS_INDEX_ALIAS: alias,
      ELASTICSEARCH_URL: stack.elasticsearchUrl,
    }),
    async seed(baseUrl, principals) {
      await ensureTopics(kafka, [
        { topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
      ]);
      const serde = new AvroSerde(stack.schemaRegistryUrl, catalogRegistry({ 'listings.listing': topic }));
      await serde.register(LISTING_SNAPSHOT); // the subject of a topic of its own, as the relay's would be
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      try {
        const snapshots = SEEDED_TITLES.map((title, i) => snapshot(principals.orgId, title, i));
        const messages = await Promise.all(
          snapshots.map(async (s) => ({
            key: s.listing_id,
            value: await serde.encode(LISTING_SNAPSHOT, s),
            headers: envelopeToHeaders({
              eventId: randomUUID(),
              eventType: LISTING_SNAPSHOT,
              source: 'listings',
              occurredAt: new Date(),
              organizationId: s.organization_id,
              traceparent: null,
              tracestate: null,
            }),
          })),
        );
        await producer.send({ topic, acks: -1, messages });
      } finally {
        await producer.disconnect();
      }
      await waitUntilSearchable(baseUrl, SEEDED_TITLES.length);
      return {};
    },
    async cleanup() {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic, deadLetterTopicOf(groupId)] }).catch(() => undefined);
      await admin.disconnect();
      // Wildcard deletes are refused (action.destructive_requires_name): the indices behind the alias by name.
      const aliased = await fetch(`${stack.elasticsearchUrl}/_alias/${alias}`);
      if (!aliased.ok) return;
      const indices = Object.keys((await aliased.json()) as Record<string, unknown>);
      if (indices.length > 0)
        await fetch(`${stack.elasticsearchUrl}/${indices.join(',')}`, { method: 'DELETE' });
    },
  };
}

const SEEDED_TITLES = ['Bright two bedroom with balcony', 'Quiet studio near the park', 'Family house'];

function snapshot(orgId: string, title: string, i: number): ListingSnapshot {
  const now = Date.now();
  return {
    listing_id: randomUUID(),
    organization_id: orgId,
    occurred_at: now,
    version: 1,
    status: 'ACTIVE',
    property_id: randomUUID(),
    unit_id: randomUUID(),
    title,
    description: 'Close to downtown, with lots of light.',
    rent_amount_minor: 120_000 + i * 40_000,
    deposit_amount_minor: 120_000,
    currency: 'USD',
    available_from: null,
    min_lease_months: 12,
    bedrooms: 1 + i,
    full_baths: 1,
    half_baths: i % 2,
    square_feet: 600 + i * 300,
    property_type: i === 2 ? 'SINGLE_FAMILY' : 'APARTMENT',
    address: {
      line1: `${100 + i} Congress Ave`,
      line2: null,
      city: 'Austin',
      region: 'TX',
      postal_code: '78701',
      country: 'US',
    },
    location: { lat: 30.2672 + i * 0.01, lng: -97.7431 - i * 0.01 },
    amenities: ['dishwasher'],
    pet_policy: i === 0 ? 'CATS' : 'NONE',
    photos: [{ url: `https://img.example/${i}.jpg`, caption: null }],
    published_at: now,
  };
}

async function waitUntilSearchable(baseUrl: string, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/v1/search/listings?bbox=-98.5,29.5,-97,31`);
    if (response.ok) {
      const body = (await response.json()) as { items: unknown[] };
      if (body.items.length >= count) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`search did not index the ${count} seeded listings within 60 s`);
}
