import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from '@portfolioos/service-kit';
import { currency, email, isoDate, minorUnits, nullable, phone, timestamp, uuid } from '../http-schemas.js';

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const optionalNullable = <T extends Parameters<typeof nullable>[0]>(schema: T) =>
  Type.Optional(nullable(schema));

const householdMember = strictObject({
  full_name: text(200),
  relationship: text(80),
  adult: Type.Boolean({ description: '18 or older: adults sign the lease and are screened' }),
});

const employment = strictObject({
  status: Type.Union(
    ['employed', 'self_employed', 'student', 'retired', 'unemployed', 'other'].map((s) => Type.Literal(s)),
  ),
  employer: optionalNullable(text(200)),
  job_title: optionalNullable(text(200)),
  months_employed: optionalNullable(Type.Integer({ minimum: 0, maximum: 1200 })),
});

const rentalHistoryEntry = strictObject({
  address: text(400),
  landlord_name: optionalNullable(text(200)),
  landlord_phone: optionalNullable(phone),
  from: isoDate,
  to: optionalNullable(isoDate),
  monthly_rent_minor: optionalNullable(minorUnits),
  reason_for_leaving: optionalNullable(text(1000)),
});

const pet = strictObject({
  kind: Type.Union([Type.Literal('dog'), Type.Literal('cat'), Type.Literal('other')]),
  description: text(200),
});

/** What an applicant may change while the application is open (answers to a request for information). */
const applicationFields = {
  household_members: Type.Array(householdMember, {
    maxItems: 12,
    description: 'Everyone else who would live in the unit',
  }),
  monthly_income_minor: Type.Integer({
    minimum: 0,
    maximum: 1e12,
    description: 'Gross monthly household income, integer minor units of `currency`',
  }),
  currency,
  employment,
  rental_history: Type.Array(rentalHistoryEntry, { maxItems: 10 }),
  pets: Type.Array(pet, { maxItems: 10 }),
  desired_move_in: optionalNullable(isoDate),
};

export const applicationBody = strictObject({
  listing_id: Type.String({ format: 'uuid', description: 'A published listing (from the public search)' }),
  applicant: strictObject({ full_name: text(200), email, phone: optionalNullable(phone) }),
  ...applicationFields,
  screening_consent: Type.Literal(true, {
    description: 'The applicant consents to a background and credit screening',
  }),
});
export type ApplicationBody = Static<typeof applicationBody>;

export const applicationPatch = Type.Partial(strictObject(applicationFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type ApplicationPatch = Static<typeof applicationPatch>;

export const infoRequestBody = strictObject({ message: text(2000) });

export const approveBody = strictObject({
  conditions: Type.Optional(text(2000)),
  decline_other_applications: Type.Optional(
    Type.Boolean({
      default: false,
      description: "Decline the unit's other open applications (reason unit_no_longer_available)",
    }),
  ),
});
export type ApproveBody = Static<typeof approveBody>;

export const denialReasons = [
  'credit_history',
  'insufficient_income',
  'rental_history',
  'criminal_background',
  'incomplete_application',
  'unit_no_longer_available',
  'other',
] as const;
export type DenialReason = (typeof denialReasons)[number];

export const declineBody = strictObject({
  reason: Type.Union(denialReasons.map((r) => Type.Literal(r))),
  notes: Type.Optional(text(2000)),
  screening_report_id: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'The screening report that drove the decision: the answer carries the adverse-action notice',
    }),
  ),
});
export type DeclineBody = Static<typeof declineBody>;

export const applicationQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    listing_id: Type.Optional(uuid),
    unit_id: Type.Optional(uuid),
    status: Type.Optional(
      Type.Union(
        ['submitted', 'info_requested', 'approved', 'denied', 'withdrawn'].map((s) => Type.Literal(s)),
      ),
    ),
  },
  { additionalProperties: false },
);
export type ApplicationQuery = Static<typeof applicationQuery>;

const out = <T extends Parameters<typeof nullable>[0]>(schema: T) => nullable(schema);

export const applicationSchema = Type.Object({
  id: uuid,
  listing_id: uuid,
  unit_id: uuid,
  property_id: uuid,
  status: Type.String(),
  applicant: Type.Object({
    id: uuid,
    full_name: Type.String(),
    email: Type.String(),
    phone: out(Type.String()),
  }),
  household_members: Type.Array(
    Type.Object({ full_name: Type.String(), relationship: Type.String(), adult: Type.Boolean() }),
  ),
  monthly_income_minor: Type.Integer(),
  currency: Type.String(),
  employment: Type.Object({
    status: Type.String(),
    employer: out(Type.String()),
    job_title: out(Type.String()),
    months_employed: out(Type.Integer()),
  }),
  rental_history: Type.Array(
    Type.Object({
      address: Type.String(),
      landlord_name: out(Type.String()),
      landlord_phone: out(Type.String()),
      from: isoDate,
      to: out(isoDate),
      monthly_rent_minor: out(Type.Integer()),
      reason_for_leaving: out(Type.String()),
    }),
  ),
  pets: Type.Array(Type.Object({ kind: Type.String(), description: Type.String() })),
  desired_move_in: out(isoDate),
  screening_consent_at: timestamp,
  comparison: Type.Object(
    {
      occupants: Type.Integer({ description: 'The applicant and the household members' }),
      adults: Type.Integer(),
      pets: Type.Integer(),
      income_to_rent_hundredths: out(
        Type.Integer({ description: "Monthly income over the listing's rent, ×100 (300 = three times)" }),
      ),
    },
    { description: 'Figures staff compare applications of one listing by' },
  ),
  info_request: out(Type.Object({ message: Type.String(), requested_at: timestamp })),
  revision: Type.Integer({ description: 'Goes up each time the applicant changes the application' }),
  decision: out(
    Type.Object({
      outcome: Type.String(),
      reason: out(Type.String()),
      notes: out(Type.String()),
      conditions: out(Type.String()),
      adverse_action_notice: out(Type.String()),
      decided_at: timestamp,
    }),
  ),
  created_at: timestamp,
  updated_at: timestamp,
});
