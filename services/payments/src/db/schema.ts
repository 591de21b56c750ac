import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import type { LeaseTermsSnapshot } from '../leases/terms.js';

// The outbox (events waiting for the relay) and the inbox (events consumers applied) of this database.
export { inbox, outbox } from '@portfolioos/events';

// Money tables (charges, payments, credits, allocations, reversals, journal_*) are append-only: a trigger
// refuses UPDATE and DELETE (migration 0001), and journal lines must balance per currency at commit.

// Millisecond precision, so a timestamp survives a round trip through a JS Date (pagination cursors).
const nowMs = sql`date_trunc('milliseconds', now())`;
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => at('created_at').notNull().default(nowMs);
const day = (name: string) => date(name, { mode: 'string' });
const minor = (name: string) => bigint(name, { mode: 'number' });
const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

/** The organizations this service has heard of, with their ledger options. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** Charge types a payment goes to first, in order; empty = oldest due first. */
    allocationPriority: text('allocation_priority')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  () => [orgIsolationPolicy({ column: 'id' })],
);

/** Leasing's leases as the ledger needs them (projection of leasing.lease events). */
export const leases = pgTable(
  'leases',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    propertyId: uuid('property_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    terms: jsonb('terms').$type<LeaseTermsSnapshot>().notNull(),
    /** occurred_at of the last leasing event applied: an older event arriving late changes nothing. */
    asOf: at('as_of').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('leases_org_idx').on(t.orgId, t.status), orgIsolationPolicy()],
);

/** The people on a lease; a tenant-portal user sees the leases they are a party of. */
export const leaseParties = pgTable(
  'lease_parties',
  {
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id),
    tenantId: uuid('tenant_id').notNull(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id'),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.leaseId, t.tenantId] }),
    index('lease_parties_user_idx').on(t.orgId, t.userId),
    orgIsolationPolicy(),
  ],
);

/** The chart of accounts; per-lease accounts carry their lease. */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    leaseId: uuid('lease_id').references(() => leases.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('accounts_code_unique').on(t.orgId, t.code, t.leaseId).nullsNotDistinct(),
    orgIsolationPolicy(),
  ],
);

export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    description: text('description').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    postedAt: at('posted_at').notNull().default(nowMs),
  },
  (t) => [index('journal_entries_source_idx').on(t.orgId, t.sourceId), orgIsolationPolicy()],
);

export const journalLines = pgTable(
  'journal_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    orgId: uuid('org_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    currency: text('currency').notNull(),
    /** Signed: debit positive, credit negative. */
    amountMinor: minor('amount_minor').notNull(),
  },
  (t) => [
    index('journal_lines_entry_idx').on(t.entryId),
    index('journal_lines_account_idx').on(t.orgId, t.accountId),
    orgIsolationPolicy(),
  ],
);

export const charges = pgTable(
  'charges',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id),
    chargeType: text('charge_type').notNull(),
    description: text('description').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    dueDate: day('due_date').notNull(),
    periodStart: day('period_start'),
    periodEnd: day('period_end'),
    scheduleKey: text('schedule_key'),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    // A rent run, a replayed event or a second replica cannot post a period's charge twice.
    unique('charges_schedule_unique').on(t.leaseId, t.scheduleKey, t.periodStart),
    unique('charges_id_currency').on(t.id, t.currency),
    index('charges_lease_idx').on(t.orgId, t.leaseId, t.seq),
    orgIsolationPolicy(),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id),
    tenantId: uuid('tenant_id'),
    method: text('method').notNull(),
    reference: text('reference'),
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    receivedOn: day('received_on').notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('payments_id_currency').on(t.id, t.currency),
    index('payments_lease_idx').on(t.orgId, t.leaseId, t.seq),
    orgIsolationPolicy(),
  ],
);

export const credits = pgTable(
  'credits',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id),
    chargeId: uuid('charge_id')
      .notNull()
      .references(() => charges.id),
    kind: text('kind').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('credits_lease_idx').on(t.orgId, t.leaseId), orgIsolationPolicy()],
);

export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id),
    chargeId: uuid('charge_id').notNull(),
    paymentId: uuid('payment_id'),
    creditId: uuid('credit_id').references(() => credits.id),
    /** Negative for an allocation that reverses another. */
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    reversesAllocationId: uuid('reverses_allocation_id').unique(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('allocations_lease_idx').on(t.orgId, t.leaseId, t.seq),
    index('allocations_charge_idx').on(t.chargeId),
    index('allocations_payment_idx').on(t.paymentId),
    orgIsolationPolicy(),
  ],
);

export const reversals = pgTable(
  'reversals',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    leaseId: uuid('lease_id')
      .notNull()
      .references(() => leases.id),
    paymentId: uuid('payment_id')
      .unique()
      .references(() => payments.id),
    chargeId: uuid('charge_id')
      .unique()
      .references(() => charges.id),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('reversals_lease_idx').on(t.orgId, t.leaseId), orgIsolationPolicy()],
);

/** Stored responses of money-creating POSTs by Idempotency-Key (same key + same body → same response). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] }), orgIsolationPolicy()],
);

/**
 * The organizations that have leases to bill: the daily rent run's work list. Platform bookkeeping, not an
 * organization's data (no row-level security), because the run starts before it acts as any organization.
 */
export const billedOrganizations = pgTable('billed_organizations', {
  orgId: uuid('org_id').primaryKey(),
  createdAt: createdAt(),
});
