import { sql } from 'drizzle-orm';
import { bigint, date, timestamp } from 'drizzle-orm/pg-core';

// Millisecond precision, so a timestamp survives a round trip through a JS Date (pagination cursors).
const nowMs = sql`date_trunc('milliseconds', now())`;
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => at('created_at').notNull().default(nowMs);
export const updatedAt = () => at('updated_at').notNull().default(nowMs);
export const day = (name: string) => date(name, { mode: 'string' });
export const minor = (name: string) => bigint(name, { mode: 'number' });
export const generatedId = () => sql`gen_random_uuid()`;
