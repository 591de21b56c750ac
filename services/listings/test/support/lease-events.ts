import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  AvroSerde,
  createKafka,
  deadLetterTopicOf,
  ensureTopics,
  envelopeToHeaders,
  type EventsLogger,
} from '@portfolioos/events';
import { isoDateToAvroDate, type LeaseSigned } from '@portfolioos/schemas';
import { stack, uniqueName } from '@portfolioos/testing';
import { listingsEventsReading } from '../../src/events.js';

const LEASE_SIGNED = 'portfolioos.leasing.LeaseSigned';
export const silentLogger: EventsLogger = { info() {}, warn() {}, error() {} };

/** A LeaseSigned as leasing would publish it, for `unitId` of `organizationId`. */
export function leaseSigned(
  organizationId: string,
  unitId: string,
  overrides: { occurredAt?: Date; startDate?: string; endDate?: string | null } = {},
): LeaseSigned {
  const endDate = overrides.endDate === undefined ? '2099-12-31' : overrides.endDate;
  return {
    lease_id: randomUUID(),
    organization_id: organizationId,
    occurred_at: (overrides.occurredAt ?? new Date()).getTime(),
    application_id: null,
    renewal_of_lease_id: null,
    envelope_id: null,
    terms: {
      property_id: randomUUID(),
      unit_id: unitId,
      parties: [
        {
          tenant_id: randomUUID(),
          user_id: null,
          role: 'PRIMARY_TENANT',
          full_name: 'Ada Tenant',
          email: null,
        },
      ],
      start_date: isoDateToAvroDate(overrides.startDate ?? '2025-01-01'),
      end_date: endDate === null ? null : isoDateToAvroDate(endDate),
      currency: 'USD',
      rent_amount_minor: 150_000,
      rent_due_day: 1,
      rent_schedule: [],
      deposit_amount_minor: 150_000,
      time_zone: 'America/Chicago',
      move_in_date: null,
      first_month_proration: 'BY_DAYS',
      late_fee_policy: null,
      recurring_charges: [],
    },
  };
}

/** A throwaway lease topic with a registry-backed producer that writes as leasing's relay would. */
export async function createLeaseTopic() {
  const topic = uniqueName('test.leasing.lease');
  const kafka = createKafka({
    clientId: 'listings-test',
    brokers: [...stack.kafkaBrokers],
    logger: silentLogger,
  });
  await ensureTopics(kafka, [{ topic, numPartitions: 3 }]);
  const serde = new AvroSerde(stack.schemaRegistryUrl, listingsEventsReading(topic));
  await serde.register(LEASE_SIGNED);
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return {
    topic,
    /** Publishes the event (envelope organization = `envelopeOrg`, default the payload's); returns its id. */
    async publish(lease: LeaseSigned, options: { eventId?: string; envelopeOrg?: string } = {}) {
      const eventId = options.eventId ?? randomUUID();
      const headers = envelopeToHeaders({
        eventId,
        eventType: LEASE_SIGNED,
        source: 'leasing',
        occurredAt: new Date(lease.occurred_at),
        organizationId: options.envelopeOrg ?? lease.organization_id,
        traceparent: null,
        tracestate: null,
      });
      const value = await serde.encode(LEASE_SIGNED, lease);
      // One partition, so "the marker was applied" means everything before it was too.
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: lease.lease_id, value, headers, partition: 0 }],
      });
      return eventId;
    },
    async close(groupId: string) {
      await producer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic, deadLetterTopicOf(groupId)] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
