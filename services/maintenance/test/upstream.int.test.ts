import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withOrgTransaction } from '@portfolioos/db';
import {
  AvroSerde,
  createKafka,
  deadLetterTopicOf,
  envelopeToHeaders,
  ensureTopics,
  type EventRegistry,
} from '@portfolioos/events';
import { isoDateToAvroDate, type EventPayloads } from '@portfolioos/schemas';
import { stack, uniqueName } from '@portfolioos/testing';
import { upstreamEventsReading } from '../src/events.js';
import { findCurrentTenancy } from '../src/tenancy/repository.js';
import { createUpstreamConsumer } from '../src/upstream-consumer.js';
import { createMaintenanceHarness, type MaintenanceHarness } from './support/harness.js';
import { leaseSigned } from './support/upstream-events.js';

const silent = { info() {}, warn() {}, error() {} };

describe('the upstream consumer (tenancies from leasing, units from listings) on the real Kafka', () => {
  let h: MaintenanceHarness;
  const topics = {
    organizations: uniqueName('test.identity.organization'),
    properties: uniqueName('test.listings.property'),
    units: uniqueName('test.listings.unit'),
    leases: uniqueName('test.leasing.lease'),
    tenants: uniqueName('test.leasing.tenant'),
    invitations: uniqueName('test.identity.invitation'),
    memberships: uniqueName('test.identity.membership'),
  };
  const groupId = uniqueName('maintenance-upstream-test');
  const kafka = createKafka({
    clientId: 'maintenance-test',
    brokers: [...stack.kafkaBrokers],
    logger: silent,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const events: EventRegistry<EventPayloads> = upstreamEventsReading(topics);
  const serde = new AvroSerde(stack.schemaRegistryUrl, events);
  const allTopics = Object.values(topics);
  let sent = 0;
  before(async () => {
    h = await createMaintenanceHarness();
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

  async function send<T extends keyof EventPayloads & string>(
    type: T,
    key: string,
    payload: EventPayloads[T],
  ) {
    await serde.register(type);
    const { organization_id, occurred_at } = payload as { organization_id: string; occurred_at: number };
    const headers = envelopeToHeaders({
      eventId: crypto.randomUUID(),
      eventType: type,
      source: type.split('.')[1]!,
      occurredAt: new Date(occurred_at),
      organizationId: organization_id,
      traceparent: null,
      tracestate: null,
    });
    const message = { key, value: await serde.encode(type, payload), headers };
    // Twice: a redelivery, which the inbox absorbs.
    await producer.send({ topic: events.topicOf(type), acks: -1, messages: [message, message] });
    sent += 1;
  }

  async function applied() {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await h.admin.query('select count(*)::int as n from inbox where consumer = $1', [
        groupId,
      ]);
      if (rows[0]?.n === sent) return;
      assert.ok(Date.now() < deadline, `applied ${rows[0]?.n} of ${sent}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  test('who lives where today follows leases, tenant links, cancellations and terminations', async (t) => {
    const consumer = createUpstreamConsumer({
      brokers: [...stack.kafkaBrokers],
      schemaRegistryUrl: stack.schemaRegistryUrl,
      topics,
      groupId,
      db: h.handle.db,
      logger: silent,
    });
    await consumer.worker.start();
    t.after(() => consumer.worker.stop());
    await consumer.joined();

    const orgId = crypto.randomUUID();
    const propertyId = crypto.randomUUID();
    const [unitA, unitB, unitC] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const tenantId = crypto.randomUUID();
    const userId = crypto.randomUUID();
    const guarantorUser = crypto.randomUUID();
    const at = Date.now();
    await send('portfolioos.listings.PropertyCreated', propertyId, {
      property_id: propertyId,
      organization_id: orgId,
      occurred_at: at,
      name: 'Maple Court',
      property_type: 'APARTMENT',
      address: {
        line1: '1 Elm St',
        line2: null,
        city: 'Austin',
        region: 'TX',
        postal_code: '78701',
        country: 'US',
      },
      location: null,
      year_built: null,
      time_zone: 'America/Chicago',
    });
    for (const unitId of [unitA, unitB, unitC])
      await send('portfolioos.listings.UnitCreated', unitId, {
        unit_id: unitId,
        organization_id: orgId,
        occurred_at: at,
        property_id: propertyId,
        label: unitId.slice(0, 4),
        bedrooms: 1,
        full_baths: 1,
        half_baths: 0,
        square_feet: null,
        market_rent_minor: 120_000,
        currency: 'USD',
      });
    // The lease event names no user; leasing's tenant record links it to the portal user.
    const tenant = {
      tenant_id: tenantId,
      organization_id: orgId,
      full_name: 'Dana',
      email: null,
      phone: null,
    };
    await send('portfolioos.leasing.TenantCreated', tenantId, {
      ...tenant,
      occurred_at: at,
      emergency_contact: null,
      user_id: userId,
    });
    const leaseA = leaseSigned({
      orgId,
      unitId: unitA,
      propertyId,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      parties: [
        { tenantId, userId: null },
        { tenantId: crypto.randomUUID(), userId: guarantorUser, role: 'GUARANTOR' },
      ],
      occurredAt: at,
    });
    await send('portfolioos.leasing.LeaseSigned', leaseA.lease_id, leaseA);
    const leaseB = leaseSigned({
      orgId,
      unitId: unitB,
      propertyId,
      startDate: '2026-01-01',
      parties: [{ tenantId, userId }],
    });
    await send('portfolioos.leasing.LeaseSigned', leaseB.lease_id, leaseB);
    await send('portfolioos.leasing.LeaseCancelled', leaseB.lease_id, {
      lease_id: leaseB.lease_id,
      organization_id: orgId,
      occurred_at: at + 1,
      unit_id: unitB,
      reason: null,
    });
    const leaseC = leaseSigned({
      orgId,
      unitId: unitC,
      propertyId,
      startDate: '2025-01-01',
      parties: [{ tenantId, userId }],
    });
    await send('portfolioos.leasing.LeaseSigned', leaseC.lease_id, leaseC);
    await send('portfolioos.leasing.LeaseTerminated', leaseC.lease_id, {
      lease_id: leaseC.lease_id,
      organization_id: orgId,
      occurred_at: at + 1,
      property_id: propertyId,
      unit_id: unitC,
      termination_date: isoDateToAvroDate('2026-11-30'),
      reason: 'MUTUAL_AGREEMENT',
      notes: null,
    });
    await applied();

    const tenancyOn = (user: string, unitId: string, iso: string) =>
      withOrgTransaction(h.handle.db, orgId, (tx) =>
        findCurrentTenancy(tx, orgId, user, unitId, new Date(iso)),
      );
    // 2026-12-31 23:30 in Chicago is already 2027-01-01 in UTC: the property's day decides.
    assert.equal((await tenancyOn(userId, unitA, '2027-01-01T05:30:00Z'))?.leaseId, leaseA.lease_id);
    assert.equal(await tenancyOn(userId, unitA, '2027-01-01T06:30:00Z'), undefined);
    assert.equal(await tenancyOn(userId, unitA, '2025-12-31T12:00:00Z'), undefined);
    assert.equal(await tenancyOn(guarantorUser, unitA, '2026-06-01T12:00:00Z'), undefined, 'a guarantor');
    assert.equal(await tenancyOn(userId, unitB, '2026-06-01T12:00:00Z'), undefined, 'cancelled');
    assert.equal((await tenancyOn(userId, unitC, '2026-11-30T12:00:00Z'))?.leaseId, leaseC.lease_id);
    assert.equal(await tenancyOn(userId, unitC, '2026-12-01T12:00:00Z'), undefined, 'terminated');
    const otherOrg = await withOrgTransaction(h.handle.db, crypto.randomUUID(), (tx) =>
      findCurrentTenancy(tx, orgId, userId, unitA, new Date('2026-06-01T12:00:00Z')),
    );
    assert.equal(otherOrg, undefined, 'row-level security hides another organization');

    // Unlinked from the portal: the user files for nothing any more.
    await send('portfolioos.leasing.TenantUpdated', tenantId, {
      ...tenant,
      occurred_at: at + 2,
      emergency_contact: null,
      user_id: null,
    });
    await applied();
    assert.equal(await tenancyOn(userId, unitA, '2026-06-01T12:00:00Z'), undefined);

    // identity's vendor invitation, accepted: that user is the portal account of the invited address.
    const invitationId = crypto.randomUUID();
    const vendorUser = crypto.randomUUID();
    await send('portfolioos.identity.InvitationCreated', invitationId, {
      invitation_id: invitationId,
      organization_id: orgId,
      occurred_at: at,
      email: 'fixit@example.com',
      role: 'VENDOR',
      organization_name: 'Maple Rentals',
      inviter_user_id: crypto.randomUUID(),
      inviter_name: 'Morgan',
      expires_at: at + 86_400_000,
      message: null,
    });
    await send('portfolioos.identity.InvitationAccepted', invitationId, {
      invitation_id: invitationId,
      organization_id: orgId,
      occurred_at: at + 1,
      email: 'fixit@example.com',
      user_id: vendorUser,
      membership_id: crypto.randomUUID(),
    });
    await applied();
    const { rows } = await h.admin.query('select user_id, email from vendor_accounts where org_id = $1', [
      orgId,
    ]);
    assert.deepEqual(rows, [{ user_id: vendorUser, email: 'fixit@example.com' }]);
  });
});
