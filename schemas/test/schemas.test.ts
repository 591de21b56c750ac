import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  eventSchemas,
  eventSubject,
  eventTopics,
  eventTypes,
  isoDateToAvroDate,
  type EventPayloads,
  type LeaseSigned,
} from '@portfolioos/schemas';
import { parseAvroType } from '../tooling/avro-type.js';
import { checkConventions } from '../tooling/conventions.js';
import { loadEventSchemas } from '../tooling/load-schemas.js';

const { schemas, errors } = loadEventSchemas();

describe('event schemas', () => {
  it('all parse with avsc', () => {
    assert.deepEqual(errors, []);
    assert.ok(schemas.length >= 35 && schemas.length <= 80, `${schemas.length} event types`);
  });

  it('follow the conventions (org id, occurred_at, docs, optional unions, enum defaults, money)', () => {
    assert.deepEqual(schemas.flatMap(checkConventions), []);
  });

  it('round-trip a sample record each', () => {
    for (const file of schemas) {
      const type = parseAvroType(file.schema);
      const sample: unknown = type.random();
      assert.deepEqual(type.fromBuffer(type.toBuffer(sample)), sample, file.fullName);
    }
  });

  it('are exported at runtime exactly as in the .avsc files', () => {
    assert.deepEqual(Object.keys(eventSchemas).sort(), schemas.map((file) => file.fullName).sort());
    for (const file of schemas)
      assert.deepEqual(eventSchemas[file.fullName as keyof EventPayloads], file.schema);
  });

  it('encode a typed LeaseSigned with an open-ended lease', () => {
    const event: LeaseSigned = {
      lease_id: '5b0f9a4e-3c1d-4f3e-9a55-0d1c2b3a4f5e',
      organization_id: '0e9b1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4',
      occurred_at: Date.UTC(2025, 0, 20, 15, 4),
      application_id: null,
      renewal_of_lease_id: null,
      envelope_id: 'f1e2d3c4-b5a6-4798-8a9b-0c1d2e3f4a5b',
      terms: {
        property_id: '9f8e7d6c-5b4a-4392-8180-7f6e5d4c3b2a',
        unit_id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        parties: [
          {
            tenant_id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
            user_id: null,
            role: 'PRIMARY_TENANT',
            full_name: 'Dana Whitfield',
            email: 'dana@example.com',
          },
        ],
        start_date: isoDateToAvroDate('2025-02-01'),
        end_date: null,
        currency: 'USD',
        rent_amount_minor: 185_000,
        rent_due_day: 1,
        rent_schedule: [{ effective_from: isoDateToAvroDate('2026-02-01'), amount_minor: 192_500 }],
        deposit_amount_minor: 185_000,
        recurring_charges: [
          { kind: 'PARKING', description: 'Parking space 14', amount_minor: 7_500, frequency: 'MONTHLY' },
        ],
        time_zone: 'America/Chicago',
        move_in_date: isoDateToAvroDate('2025-01-31'),
        first_month_proration: 'BY_DAYS',
        late_fee_policy: {
          grace_days: 5,
          calculation: 'PERCENT_OF_RENT',
          amount_minor: null,
          rate_basis_points: 500,
          frequency: 'ONE_TIME',
          max_total_minor: 5_000,
        },
      },
    };
    const type = parseAvroType(eventSchemas['portfolioos.leasing.LeaseSigned']);
    assert.deepEqual(JSON.parse(JSON.stringify(type.fromBuffer(type.toBuffer(event)))), event);
  });

  it('map every event type to its topic and TopicRecordNameStrategy subject', () => {
    assert.equal(eventTypes.length, schemas.length);
    assert.equal(eventTopics['portfolioos.leasing.LeaseSigned'], 'leasing.lease');
    assert.equal(
      eventSubject('portfolioos.leasing.LeaseSigned'),
      'leasing.lease-portfolioos.leasing.LeaseSigned',
    );
  });
});
