import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { at, createdAt, day } from './columns.js';

// Local copies of what other services own (filled by the upstream consumer, never by the API).

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

/** listings' properties: their zone ("today" for a tenancy, SLA clocks shown to people). */
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

/** listings' units: a request is filed for a unit that exists. */
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

/** leasing's tenants: which identity user (renter portal) a tenant record is, once linked. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id'),
    asOf: at('as_of').notNull(),
  },
  (t) => [index('tenants_user_idx').on(t.orgId, t.userId), orgIsolationPolicy()],
);

/**
 * leasing's binding leases (signed onwards) as tenancies of a unit: the dates in the property's zone.
 * A cancelled lease never binds; an ended or terminated one keeps its (final) last day.
 */
export const tenancies = pgTable(
  'tenancies',
  {
    leaseId: uuid('lease_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    propertyId: uuid('property_id'),
    startDate: day('start_date'),
    endDate: day('end_date'),
    /** The zone the dates are in (the lease carries the property's); null on older events. */
    timeZone: text('time_zone'),
    cancelledAt: at('cancelled_at'),
    asOf: at('as_of').notNull(),
  },
  (t) => [index('tenancies_unit_idx').on(t.orgId, t.unitId), orgIsolationPolicy()],
);

/** Who is on a tenancy (leasing's tenant records). */
export const tenancyParties = pgTable(
  'tenancy_parties',
  {
    leaseId: uuid('lease_id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** The user the lease event named; the tenants row, when known, is newer truth. */
    userId: uuid('user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.leaseId, t.tenantId] }),
    index('tenancy_parties_tenant_idx').on(t.orgId, t.tenantId),
    orgIsolationPolicy(),
  ],
);
