import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from '@portfolioos/service-kit';
import {
  currency,
  dateOf,
  isoDate,
  minorOf,
  minorUnits,
  nullable,
  timestamp,
  uuid,
} from '../http-schemas.js';

const recurringCharge = strictObject({
  kind: Type.Union([
    Type.Literal('parking'),
    Type.Literal('pet_rent'),
    Type.Literal('utility'),
    Type.Literal('storage'),
    Type.Literal('other'),
  ]),
  description: Type.String({ minLength: 1, maxLength: 200 }),
  amount_minor: minorUnits,
  frequency: Type.Optional(
    Type.Union([Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('yearly')], {
      default: 'monthly',
    }),
  ),
});

const lateFeePolicy = strictObject({
  grace_days: Type.Integer({ minimum: 0, maximum: 60 }),
  calculation: Type.Union([Type.Literal('flat'), Type.Literal('percent_of_rent')]),
  amount_minor: Type.Optional(nullable(minorUnits)),
  rate_basis_points: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 10_000 }))),
  frequency: Type.Union([Type.Literal('one_time'), Type.Literal('daily')]),
  max_total_minor: Type.Optional(nullable(minorUnits)),
});
export type LateFeePolicyBody = Static<typeof lateFeePolicy>;

const termKind = Type.Union([Type.Literal('fixed'), Type.Literal('month_to_month')], {
  description: 'fixed: ends on end_date; month_to_month: no end date',
});
const prorationOf = (options: { default?: string } = {}) =>
  Type.Union([Type.Literal('by_days'), Type.Literal('full'), Type.Literal('none')], {
    description: 'First partial month: by days occupied, a full month, or nothing',
    ...options,
  });
const proration = prorationOf();

export const leaseBody = strictObject({
  unit_id: uuid,
  primary_tenant_id: uuid,
  co_tenant_ids: Type.Optional(Type.Array(uuid, { maxItems: 10, uniqueItems: true })),
  occupant_ids: Type.Optional(Type.Array(uuid, { maxItems: 20, uniqueItems: true })),
  term_kind: termKind,
  start_date: isoDate,
  end_date: Type.Optional(nullable(isoDate)),
  move_in_date: Type.Optional(nullable(isoDate)),
  currency,
  rent_minor: minorUnits,
  rent_due_day: Type.Integer({ minimum: 1, maximum: 28 }),
  proration: Type.Optional(prorationOf({ default: 'by_days' })),
  deposit_minor: Type.Optional(minorOf({ default: 0 })),
  recurring_charges: Type.Optional(Type.Array(recurringCharge, { maxItems: 20 })),
  late_fee_policy: Type.Optional(nullable(lateFeePolicy)),
});
export type LeaseBody = Static<typeof leaseBody>;

export const renewBody = strictObject({
  term_kind: termKind,
  start_date: Type.Optional(dateOf('Default: the day after the renewed lease ends')),
  end_date: Type.Optional(nullable(isoDate)),
  rent_minor: Type.Optional(minorUnits),
});
export type RenewBody = Static<typeof renewBody>;

export const noticeBody = strictObject({
  notice_date: isoDate,
  end_date: dateOf('Last day of the tenancy the notice names'),
  given_by: Type.Union([Type.Literal('tenant'), Type.Literal('landlord')]),
});
export type NoticeBody = Static<typeof noticeBody>;

export const terminateBody = strictObject({
  termination_date: dateOf('Last day of the tenancy'),
  reason: Type.Union([
    Type.Literal('mutual_agreement'),
    Type.Literal('tenant_notice'),
    Type.Literal('landlord_notice'),
    Type.Literal('eviction'),
    Type.Literal('other'),
  ]),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type TerminateBody = Static<typeof terminateBody>;

export const sendBody = strictObject({
  signing_method: Type.Optional(
    Type.Union([Type.Literal('e_signature'), Type.Literal('paper')], {
      default: 'e_signature',
      description: 'e_signature: a DocuSign envelope to every adult party; paper: staff record the signing',
    }),
  ),
});
export type SendBody = Static<typeof sendBody>;

export const cancelBody = strictObject({ reason: Type.Optional(Type.String({ maxLength: 2000 })) });

export const leaseQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    unit_id: Type.Optional(uuid),
    status: Type.Optional(Type.String({ pattern: '^[a-z_]{1,30}$' })),
    active_on: Type.Optional(dateOf('Leases occupying their unit on this calendar date (of the property)')),
    active_at: Type.Optional(
      Type.String({
        format: 'date-time',
        description: "Leases occupying their unit at this instant, in each property's time zone",
      }),
    ),
  },
  { additionalProperties: false },
);
export type LeaseQuery = Static<typeof leaseQuery>;

const party = Type.Object({
  tenant_id: uuid,
  role: Type.String(),
  full_name: Type.String(),
  email: nullable(Type.String()),
});

export const leaseSchema = Type.Object({
  id: uuid,
  unit_id: uuid,
  property_id: uuid,
  status: Type.String(),
  time_zone: Type.String(),
  term_kind: termKind,
  start_date: isoDate,
  end_date: nullable(isoDate),
  move_in_date: nullable(isoDate),
  currency: Type.String(),
  rent_minor: Type.Integer(),
  rent_due_day: Type.Integer(),
  proration,
  first_period: Type.Object({ from: isoDate, to: isoDate, amount_minor: Type.Integer() }),
  deposit_minor: Type.Integer(),
  recurring_charges: Type.Array(
    Type.Object({
      kind: Type.String(),
      description: Type.String(),
      amount_minor: Type.Integer(),
      frequency: Type.String(),
    }),
  ),
  late_fee_policy: nullable(
    Type.Object({
      grace_days: Type.Integer(),
      calculation: Type.String(),
      amount_minor: nullable(Type.Integer()),
      rate_basis_points: nullable(Type.Integer()),
      frequency: Type.String(),
      max_total_minor: nullable(Type.Integer()),
    }),
  ),
  parties: Type.Array(party),
  renewal_of_lease_id: nullable(uuid),
  renewed_by_lease_id: nullable(uuid),
  notice: nullable(Type.Object({ date: isoDate, given_by: Type.String() })),
  termination_reason: nullable(Type.String()),
  signing: nullable(
    Type.Object({
      method: Type.String(),
      envelope_id: nullable(Type.String()),
      signed_at: nullable(timestamp),
    }),
  ),
  created_at: timestamp,
  updated_at: timestamp,
});
