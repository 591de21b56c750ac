import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Events carry full state; the row keeps the occurred_at of the event applied last, and an older event
 * (a late redelivery) must not roll it back.
 */
export const notNewerThan = (asOf: PgColumn, occurredAt: Date): SQL =>
  sql`${asOf} <= ${occurredAt.toISOString()}::timestamptz`;
