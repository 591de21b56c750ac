import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { at, createdAt, day, generatedId, minor, updatedAt } from './columns.js';

/**
 * Local copy of listings' snapshots (listings.listing, compacted): which listings exist, which are
 * published, for which unit. An application names a listing; its unit and organization come from here,
 * never from the request.
 */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    propertyId: uuid('property_id').notNull(),
    /** ListingSnapshot's status, lower case (active = published); `deleted` after a tombstone. */
    status: text('status').notNull(),
    title: text('title').notNull(),
    rentMinor: minor('rent_minor').notNull(),
    currency: text('currency').notNull(),
    /** The snapshot version applied last: an older snapshot replayed later changes nothing. */
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  () => [orgIsolationPolicy()],
);

/** A prospective tenant of an organization: the identity user (role `applicant`) and how to reach them. */
export const applicants = pgTable(
  'applicants',
  {
    id: generatedId(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('applicants_org_user_idx').on(t.orgId, t.userId), orgIsolationPolicy()],
);

export interface HouseholdMember {
  full_name: string;
  relationship: string;
  adult: boolean;
}
export interface Employment {
  status: 'employed' | 'self_employed' | 'student' | 'retired' | 'unemployed' | 'other';
  employer: string | null;
  job_title: string | null;
  months_employed: number | null;
}
export interface RentalHistoryEntry {
  address: string;
  landlord_name: string | null;
  landlord_phone: string | null;
  from: string;
  to: string | null;
  monthly_rent_minor: number | null;
  reason_for_leaving: string | null;
}
export interface Pet {
  kind: 'dog' | 'cat' | 'other';
  description: string;
}

/** A rental application to one listing (and so one unit), by one applicant. */
export const applications = pgTable(
  'applications',
  {
    id: generatedId(),
    orgId: uuid('org_id').notNull(),
    listingId: uuid('listing_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    propertyId: uuid('property_id').notNull(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => applicants.id),
    status: text('status').notNull().default('submitted'),
    householdMembers: jsonb('household_members').$type<HouseholdMember[]>().notNull(),
    monthlyIncomeMinor: minor('monthly_income_minor').notNull(),
    currency: text('currency').notNull(),
    employment: jsonb('employment').$type<Employment>().notNull(),
    rentalHistory: jsonb('rental_history').$type<RentalHistoryEntry[]>().notNull(),
    pets: jsonb('pets').$type<Pet[]>().notNull(),
    desiredMoveIn: day('desired_move_in'),
    /** When the applicant consented to screening (an application cannot be made without it). */
    screeningConsentAt: at('screening_consent_at').notNull(),
    infoRequest: text('info_request'),
    infoRequestedAt: at('info_requested_at'),
    decisionReason: text('decision_reason'),
    decisionNotes: text('decision_notes'),
    conditions: text('conditions'),
    adverseActionNotice: text('adverse_action_notice'),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedAt: at('decided_at'),
    /** Revisions the applicant made (answers to requests for information), for staff to see. */
    revision: integer('revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('applications_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('applications_listing_idx').on(t.orgId, t.listingId),
    index('applications_unit_idx').on(t.orgId, t.unitId),
    index('applications_applicant_idx').on(t.orgId, t.applicantId),
    orgIsolationPolicy(),
  ],
);
