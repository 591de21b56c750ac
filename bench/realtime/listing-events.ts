import { randomUUID } from 'node:crypto';
import { AvroSerde, createKafka, ensureTopics, envelopeToHeaders } from '@portfolioos/events';
import { catalogRegistry, type ListingSnapshot } from '@portfolioos/schemas';
import { stack, uniqueName } from '@portfolioos/testing';

const SNAPSHOT = 'portfolioos.listings.ListingSnapshot' as const;
const silent = { info() {}, warn() {}, error() {} };

/** A throwaway listings topic and a producer of ACTIVE snapshots in central Austin, `version` as given. */
export interface ListingEvents {
  topic: string;
  notificationsTopic: string;
  publish(version: number): Promise<void>;
  close(): Promise<void>;
}

export async function listingEvents(): Promise<ListingEvents> {
  const topic = uniqueName('bench.listings.listing');
  const notificationsTopic = uniqueName('bench.notifications');
  const kafka = createKafka({ clientId: 'realtime-bench', brokers: [...stack.kafkaBrokers], logger: silent });
  await ensureTopics(kafka, [
    { topic, numPartitions: 3 },
    { topic: notificationsTopic, numPartitions: 1 },
  ]);
  const serde = new AvroSerde(stack.schemaRegistryUrl, catalogRegistry({ 'listings.listing': topic }));
  await serde.register(SNAPSHOT);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const listingId = randomUUID();
  const base: Omit<ListingSnapshot, 'version' | 'occurred_at'> = {
    listing_id: listingId,
    organization_id: randomUUID(),
    status: 'ACTIVE',
    property_id: randomUUID(),
    unit_id: randomUUID(),
    title: 'Bench listing',
    description: 'A listing the realtime bench republishes.',
    rent_amount_minor: 150_000,
    deposit_amount_minor: null,
    currency: 'USD',
    available_from: null,
    min_lease_months: null,
    bedrooms: 1,
    full_baths: 1,
    half_baths: 0,
    square_feet: null,
    property_type: 'APARTMENT',
    address: {
      line1: '1 Congress Ave',
      line2: null,
      city: 'Austin',
      region: 'TX',
      postal_code: '78701',
      country: 'US',
    },
    location: { lat: 30.25, lng: -97.75 },
    amenities: [],
    pet_policy: 'NONE',
    photos: [],
    published_at: Date.now(),
  };
  return {
    topic,
    notificationsTopic,
    async publish(version) {
      const value = await serde.encode(SNAPSHOT, { ...base, version, occurred_at: Date.now() });
      await producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: listingId,
            value,
            headers: envelopeToHeaders({
              eventId: randomUUID(),
              eventType: SNAPSHOT,
              source: 'listings',
              occurredAt: new Date(),
              organizationId: base.organization_id,
              traceparent: null,
              tracestate: null,
            }),
          },
        ],
      });
    },
    async close() {
      await producer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic, notificationsTopic] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
