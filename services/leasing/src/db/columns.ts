import { sql } from 'drizzle-orm';
import { bigint, date, timestamp, uuid } from 'drizzle-orm/pg-core';

// Millisecond precision, so a timestamp survives a round trip through a JS Date (pagination cursors).
const nowMs = sql`date_trunc('milliseconds', now())`;

/** A timestamptz read as a Date. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = (name = 'created_at') => at(name).notNull().default(nowMs);
export const updatedAt = () => at('updated_at').notNull().default(nowMs);
/** A calendar date read as YYYY-MM-DD. */
export const day = (name: string) => date(name, { mode: 'string' });
/** Integer minor units (cents) read as a number. */
export const minor = (name: string) => bigint(name, { mode: 'number' });
/** A uuid primary key the database generates. */
export const generatedId = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
