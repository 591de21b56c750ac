import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AvroSerde,
  createKafka,
  deadLetterTopicOf,
  envelopeToHeaders,
  ensureTopics,
  type EventRegistry,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import { stack, uniqueName } from '@portfolioos/testing';
import { upstreamEventsReading } from '../src/events.js';
import { createUpstreamConsumer } from '../src/upstream-consumer.js';
import { createLeasingHarness, type LeasingHarness } from './support/harness.js';
import { createTenant, leaseBody, post } from './support/flows.js';

const silent = { info() {}, warn() {}, error() {} };

describe('the upstream consumer (organizations, properties, units) on the real Kafka and registry', () => {
  let h: LeasingHarness;
  const topics = {
    organizations: uniqueName('test.identity.organization'),
    properties: uniqueName('test.listings.property'),
    units: uniqueName('test.listings.unit'),
  };
  const groupId = uniqueName('leasing-upstream-test');
  const kafka = createKafka({ clientId: 'leasing-test', brokers: [...stack.kafkaBrokers], logger: silent });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const events: EventRegistry<EventPayloads> = upstreamEventsReading(topics);
  const serde = new AvroSerde(stack.schemaRegistryUrl, events);
  const allTopics = Object.values(topics);
  before(async () => {
    h = await createLeasingHarness();
    await ensureTopics(
      kafka,
      allTopics.map((topic) => ({ topic })),
    );
    await producer.connect();
  });
  after(async () => {
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [...allTopics, deadLetterTopicOf(groupId)] }).catch(() => undefined);
    await admin.disconnect();
    await h.close();
  });

  async function send<T extends keyof EventPayloads>(
    type: T,
    key: string,
    orgId: string,
    payload: EventPayloads[T],
  ) {
    await serde.register(type);
    const occurredAt = new Date((payload as { occurred_at: number }).occurred_at);
    const headers = envelopeToHeaders({
      eventId: crypto.randomUUID(),
      eventType: type,
      source: type.split('.')[1]!,
      occurredAt,
      organizationId: orgId,
      traceparent: null,
      tracestate: null,
    });
    const message = { key, value: await serde.encode(type, payload), headers };
    // Twice: a redelivery, which the inbox absorbs.
    await producer.send({ topic: events.topicOf(type), acks: -1, messages: [message, message] });
  }

  test("listings' property (with its zone) and unit arrive; a lease of that unit is then drafted in that zone", async (t) => {
    const consumer = createUpstreamConsumer({
      brokers: [...stack.kafkaBrokers],
      schemaRegistryUrl: stack.schemaRegistryUrl,
      topics,
      groupId,
      db: h.handle.db,
      logger: silent,
    });
    await consumer.worker.start();
    after(() => consumer.worker.stop());
    await consumer.joined();

    const orgId = crypto.randomUUID();
    const propertyId = crypto.randomUUID();
    const unitId = crypto.randomUUID();
    const now = Date.now();
    await send('portfolioos.identity.OrganizationCreated', orgId, orgId, {
      organization_id: orgId,
      occurred_at: now,
      name: 'Harbour Rentals',
      slug: 'harbour-rentals',
      default_currency: 'NZD',
      timezone: 'Pacific/Auckland',
      country: 'NZ',
      created_by_user_id: crypto.randomUUID(),
    });
    await send('portfolioos.listings.PropertyCreated', propertyId, orgId, {
      property_id: propertyId,
      organization_id: orgId,
      occurred_at: now,
      name: 'Harbour View',
      property_type: 'APARTMENT',
      address: {
        line1: '1 Quay St',
        line2: null,
        city: 'Auckland',
        region: 'AUK',
        postal_code: '1010',
        country: 'NZ',
      },
      location: null,
      year_built: null,
      time_zone: 'Pacific/Chatham',
    });
    await send('portfolioos.listings.UnitCreated', unitId, orgId, {
      unit_id: unitId,
      organization_id: orgId,
      occurred_at: now,
      property_id: propertyId,
      label: '4A',
      bedrooms: 2,
      full_baths: 1,
      half_baths: 0,
      square_feet: null,
      market_rent_minor: 250_000,
      currency: 'NZD',
    });

    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await h.admin.query(
        `select (select count(*)::int from units where id = $1) as units,
                (select count(*)::int from inbox where consumer = $2) as applied`,
        [unitId, groupId],
      );
      if (rows[0]?.units === 1 && rows[0]?.applied === 3) break;
      assert.ok(Date.now() < deadline, `not applied: ${JSON.stringify(rows[0])}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const app = await h.app(t);
    const token = await h.signer.staffToken(orgId);
    const tenant = await createTenant(app, token);
    const res = await post(app, token, '/v1/leases', leaseBody(unitId, tenant, { currency: 'NZD' }));
    assert.equal(res.statusCode, 201, res.body);
    // The property's own zone wins over the organization's.
    assert.equal(res.json().time_zone, 'Pacific/Chatham');
    assert.equal(res.json().property_id, propertyId);
  });
});
