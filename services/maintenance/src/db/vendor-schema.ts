import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { at, createdAt, day, generatedId, minor, updatedAt } from './columns.js';

/** An organization's vendors directory. `email` (lower-cased) is how a vendor portal user is matched. */
export const vendors = pgTable(
  'vendors',
  {
    id: uuid('id').primaryKey().default(generatedId()),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    trade: text('trade').notNull(),
    contactName: text('contact_name'),
    email: text('email').notNull(),
    phone: text('phone'),
    serviceArea: text('service_area').array().notNull(),
    hourlyRateMinor: minor('hourly_rate_minor'),
    currency: text('currency').notNull(),
    insuranceExpiresOn: day('insurance_expires_on'),
    w9OnFile: boolean('w9_on_file').notNull(),
    eligible1099: boolean('eligible_1099').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('vendors_org_created_idx').on(t.orgId, t.createdAt, t.id),
    uniqueIndex('vendors_org_email_idx').on(t.orgId, sql`lower(${t.email})`),
    orgIsolationPolicy(),
  ],
);

/** identity's open vendor invitations (InvitationCreated with role VENDOR): whose acceptance links whom. */
export const vendorInvitations = pgTable(
  'vendor_invitations',
  {
    invitationId: uuid('invitation_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    email: text('email').notNull(),
  },
  () => [orgIsolationPolicy()],
);

/**
 * Vendor portal users of an organization (a vendor invitation accepted, the membership not revoked), by
 * the invited e-mail: the vendor whose e-mail it is, is the one that user acts for.
 */
export const vendorAccounts = pgTable(
  'vendor_accounts',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    email: text('email').notNull(),
    linkedAt: at('linked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('vendor_accounts_email_idx').on(t.orgId, t.email),
    orgIsolationPolicy(),
  ],
);
