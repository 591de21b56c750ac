import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { at, createdAt, day, generatedId, minor, updatedAt } from './columns.js';

// The outbox (events waiting for the relay) and the inbox (events consumers applied) of this database.
export { inbox, outbox } from '@portfolioos/events';

/** The organizations this service has heard of (identity's organization events), one row each. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** The organization's IANA zone: the fallback for a property whose own zone is not known. */
    timeZone: text('time_zone'),
    createdAt: createdAt(),
  },
  () => [orgIsolationPolicy({ column: 'id' })],
);

/** Local copy of listings' properties (PropertyCreated/Updated/Archived): what leases need of them. */
export const properties = pgTable(
  'properties',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone'),
    archivedAt: at('archived_at'),
    /** occurred_at of the event applied last: an older event arriving late changes nothing. */
    asOf: at('as_of').notNull(),
  },
  () => [orgIsolationPolicy()],
);

/** Local copy of listings' units (UnitCreated/Updated/Archived). */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    propertyId: uuid('property_id').notNull(),
    label: text('label').notNull(),
    archivedAt: at('archived_at'),
    asOf: at('as_of').notNull(),
  },
  () => [orgIsolationPolicy()],
);

/** People of an organization who rent, co-rent or live in its units. */
export const tenants = pgTable(
  'tenants',
  {
    id: generatedId(),
    orgId: uuid('org_id').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    emergencyContact: jsonb('emergency_contact').$type<EmergencyContact | null>(),
    /** identity user of the renter portal; a tenant principal with this subject sees this tenant's leases. */
    userId: uuid('user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tenants_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('tenants_user_idx').on(t.orgId, t.userId),
    orgIsolationPolicy(),
  ],
);

export interface EmergencyContact {
  name: string;
  phone: string | null;
  email: string | null;
  relationship: string | null;
}

export interface RecurringChargeTerm {
  kind: 'parking' | 'pet_rent' | 'utility' | 'storage' | 'other';
  description: string;
  amount_minor: number;
  frequency: 'monthly' | 'quarterly' | 'yearly';
}

export interface LateFeePolicyTerm {
  grace_days: number;
  calculation: 'flat' | 'percent_of_rent';
  amount_minor: number | null;
  rate_basis_points: number | null;
  frequency: 'one_time' | 'daily';
  max_total_minor: number | null;
}

/**
 * Leases of a unit. The dates are calendar dates in `time_zone` (the property's). No two leases of one
 * unit that are not cancelled may overlap: the exclusion constraint `leases_unit_no_overlap` (migration
 * 0001) says so in the database, where concurrent drafts cannot slip past it.
 */
export const leases = pgTable(
  'leases',
  {
    id: generatedId(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    propertyId: uuid('property_id').notNull(),
    status: text('status').notNull().default('draft'),
    timeZone: text('time_zone').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    moveInDate: day('move_in_date'),
    currency: text('currency').notNull(),
    rentMinor: minor('rent_minor').notNull(),
    rentDueDay: integer('rent_due_day').notNull(),
    proration: text('proration').notNull(),
    depositMinor: minor('deposit_minor').notNull(),
    recurringCharges: jsonb('recurring_charges').$type<RecurringChargeTerm[]>().notNull(),
    lateFeePolicy: jsonb('late_fee_policy').$type<LateFeePolicyTerm | null>(),
    renewalOfLeaseId: uuid('renewal_of_lease_id'),
    renewedByLeaseId: uuid('renewed_by_lease_id'),
    noticeDate: day('notice_date'),
    noticeGivenBy: text('notice_given_by'),
    terminationReason: text('termination_reason'),
    statusNote: text('status_note'),
    signedAt: at('signed_at'),
    /** paper or e_signature, once sent; the DocuSign envelope of an e-signature. */
    signingMethod: text('signing_method'),
    envelopeId: text('envelope_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('leases_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('leases_unit_idx').on(t.orgId, t.unitId),
    orgIsolationPolicy(),
  ],
);

/** Who is on a lease: one primary tenant, co-tenants, occupants. */
export const leaseParties = pgTable(
  'lease_parties',
  {
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    orgId: uuid('org_id').notNull(),
    role: text('role').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.leaseId, t.tenantId] }),
    index('lease_parties_tenant_idx').on(t.orgId, t.tenantId),
    orgIsolationPolicy(),
  ],
);

export { applicants, applications, listings } from './application-tables.js';
export { screeningReportReads, screeningReportRetention, screeningReports } from './screening-tables.js';
export { docusignConnectDeliveries } from './esign-tables.js';
export { invitations } from './invitation-tables.js';
