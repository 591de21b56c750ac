import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';

// The outbox (events waiting for the relay) and the inbox (events consumers applied) of this database.
export { inbox, outbox } from '@portfolioos/events';

// Millisecond precision, so a timestamp survives a round trip through a JS Date (pagination cursors).
const nowMs = sql`date_trunc('milliseconds', now())`;
const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(nowMs);

/** The example feature: notes of an organization (replace with the service's domain). */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('notes_org_created_idx').on(t.orgId, t.createdAt, t.id), orgIsolationPolicy()],
);

/** The organizations this service has heard of (identity's OrganizationCreated), one row each. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  () => [orgIsolationPolicy({ column: 'id' })],
);
