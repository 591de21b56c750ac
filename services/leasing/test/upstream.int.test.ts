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
import { createLeasingHarness, subjectOf, type LeasingHarness } from './support/harness.js';
import { applicationBody, createTenant, leaseBody, post } from './support/flows.js';

const silent = { info() {}, warn() {}, error() {} };

describe('the upstream consumer (organizations, properties, units) on the real Kafka and registry', () => {
  let h: LeasingHarness;
  const topics = {
    organizations: uniqueName('test.identity.organization'),
    properties: uniqueName('test.listings.property'),
    units: uniqueName('test.listings.unit'),
    listings: uniqueName('test.listings.listing'),
    invitations: uniqueName('test.identity.invitation'),
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

  /** A deleted listing: a null value at `version` on the compacted topic. */
  async function sendTombstone(listingId: string, orgId: string, version: number) {
    const headers = envelopeToHeaders({
      eventId: crypto.randomUUID(),
      eventType: 'portfolioos.listings.ListingSnapshot',
      source: 'listings',
      occurredAt: new Date(),
      organizationId: orgId,
      traceparent: null,
      tracestate: null,
      aggregateVersion: version,
    });
    await producer.send({
      topic: topics.listings,
      acks: -1,
      messages: [{ key: listingId, value: null, headers }],
    });
  }

  const snapshot = (
    listingId: string,
    orgId: string,
    unitId: string,
    propertyId: string,
    version: number,
    status: 'ACTIVE' | 'DRAFT',
  ) => ({
    listing_id: listingId,
    organization_id: orgId,
    occurred_at: Date.now(),
    version,
    status,
    property_id: propertyId,
    unit_id: unitId,
    title: 'Harbour View 4A',
    description: 'Two bedrooms over the water.',
    rent_amount_minor: 250_000,
    deposit_amount_minor: null,
    currency: 'NZD',
    available_from: null,
    min_lease_months: 12,
    bedrooms: 2,
    full_baths: 1,
    half_baths: 0,
    square_feet: null,
    property_type: 'APARTMENT' as const,
    address: {
      line1: '1 Quay St',
      line2: null,
      city: 'Auckland',
      region: 'AUK',
      postal_code: '1010',
      country: 'NZ',
    },
    location: { lat: -36.84, lng: 174.77 },
    amenities: [],
    pet_policy: 'CATS' as const,
    photos: [],
    published_at: Date.now(),
  });

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

    const appliedCount = async (expected: number) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { rows } = await h.admin.query(
          'select count(*)::int as applied from inbox where consumer = $1',
          [groupId],
        );
        if (rows[0]?.applied === expected) return;
        assert.ok(Date.now() < deadline, `not applied: ${JSON.stringify(rows[0])}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await appliedCount(3);

    const app = await h.app(t);
    const token = await h.signer.staffToken(orgId);
    const tenant = await createTenant(app, token);
    const res = await post(app, token, '/v1/leases', leaseBody(unitId, tenant, { currency: 'NZD' }));
    assert.equal(res.statusCode, 201, res.body);
    // The property's own zone wins over the organization's.
    assert.equal(res.json().time_zone, 'Pacific/Chatham');
    assert.equal(res.json().property_id, propertyId);

    // Listings: the newest version wins (an older replayed snapshot changes nothing); applications are
    // taken while it is published; a tombstone takes it away for good.
    const listingId = crypto.randomUUID();
    await send(
      'portfolioos.listings.ListingSnapshot',
      listingId,
      orgId,
      snapshot(listingId, orgId, unitId, propertyId, 2, 'ACTIVE'),
    );
    await send(
      'portfolioos.listings.ListingSnapshot',
      listingId,
      orgId,
      snapshot(listingId, orgId, unitId, propertyId, 1, 'DRAFT'),
    );
    await appliedCount(5);
    const applicant = await h.signer.staffToken(orgId, ['applicant']);
    const applied = await post(
      app,
      applicant,
      '/v1/applications',
      applicationBody(listingId, { currency: 'NZD' }),
    );
    assert.equal(applied.statusCode, 201, applied.body);
    assert.equal(applied.json().unit_id, unitId);
    assert.equal(applied.json().comparison.income_to_rent_hundredths, 200);

    await sendTombstone(listingId, orgId, 3);
    const gone = Date.now() + 30_000;
    for (;;) {
      const { rows } = await h.admin.query('select status from listings where id = $1', [listingId]);
      if (rows[0]?.status === 'deleted') break;
      assert.ok(Date.now() < gone, `listing not deleted: ${JSON.stringify(rows[0])}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const other = await h.signer.staffToken(orgId, ['applicant']);
    const refused = await post(app, other, '/v1/applications', applicationBody(listingId));
    assert.equal(refused.statusCode, 422, refused.body);

    // The tenant accepts identity's tenant invitation: linked to the user, TenantUpdated says so, and
    // the user's tenant token now reads the lease.
    const { rows: tenantRows } = await h.admin.query('select email from tenants where id = $1', [tenant]);
    const invitationId = crypto.randomUUID();
    const portal = await h.signer.staffToken(orgId, ['tenant']);
    const userId = subjectOf(portal);
    await send('portfolioos.identity.InvitationCreated', invitationId, orgId, {
      invitation_id: invitationId,
      organization_id: orgId,
      occurred_at: Date.now(),
      email: tenantRows[0].email.toUpperCase(),
      role: 'TENANT',
      organization_name: 'Harbour Rentals',
      inviter_user_id: crypto.randomUUID(),
      inviter_name: 'Pat Manager',
      expires_at: Date.now() + 86_400_000,
      message: null,
    });
    await send('portfolioos.identity.InvitationAccepted', invitationId, orgId, {
      invitation_id: invitationId,
      organization_id: orgId,
      occurred_at: Date.now(),
      email: tenantRows[0].email,
      user_id: userId,
      membership_id: crypto.randomUUID(),
    });
    const linkedBy = Date.now() + 30_000;
    for (;;) {
      const { rows } = await h.admin.query('select user_id from tenants where id = $1', [tenant]);
      if (rows[0]?.user_id === userId) break;
      assert.ok(Date.now() < linkedBy, 'tenant not linked');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { rows: linked } = await h.admin.query(
      `select payload from outbox where key = $1 and event_type = 'portfolioos.leasing.TenantUpdated'`,
      [tenant],
    );
    assert.equal(linked.length, 1, 'one TenantUpdated (the redelivery changed nothing)');
    assert.equal(linked[0].payload.user_id, userId);
    const mine = await app.inject({
      method: 'GET',
      url: '/v1/leases',
      headers: { authorization: `Bearer ${portal}` },
    });
    assert.equal(mine.json().items.length, 1);
  });
});
