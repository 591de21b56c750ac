import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { platformAuditEvents } from '../db/schema.js';

/** Which platform audit events to list; `since` is inclusive and `until` exclusive (ISO date-times). */
export interface PlatformAuditFilter {
  action?: string;
  actorUserId?: string;
  since?: string;
  until?: string;
}

/**
 * An (occurred_at, id) position in the newest-first listing. `at` keeps PostgreSQL's microseconds
 * (`2024-05-01T12:00:00.123456Z`): a millisecond JS date would skip or repeat rows within one millisecond.
 */
export interface PlatformAuditPosition {
  at: string;
  id: string;
}

const EXACT_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d{3}Z$/;

/** Whether `at` is a real instant in the cursor's exact UTC form (so PostgreSQL can never fail to cast it). */
export function isExactInstant(at: string): boolean {
  const millis = EXACT_INSTANT.exec(at)?.[1];
  // Date rolls 2024-02-30 over to March; a real date survives the round trip unchanged.
  return millis !== undefined && new Date(`${millis}Z`).toISOString() === `${millis}Z`;
}

const exactAt = sql<string>`to_char(${platformAuditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function before(position: PlatformAuditPosition | undefined): SQL | undefined {
  if (!position) return undefined;
  const { occurredAt, id } = platformAuditEvents;
  return sql`(${occurredAt}, ${id}) < (${position.at}::timestamptz, ${position.id}::uuid)`;
}

/**
 * One page of the platform audit log, newest first with the id as tie-break (walks the
 * (occurred_at, id) index backwards). Each row carries `position`, its exact cursor position.
 */
export function listPlatformAuditEvents(
  db: Executor,
  filter: PlatformAuditFilter,
  limit: number,
  after?: PlatformAuditPosition,
) {
  const { occurredAt, id, action, actorUserId } = platformAuditEvents;
  return db
    .select({ event: platformAuditEvents, position: exactAt })
    .from(platformAuditEvents)
    .where(
      and(
        filter.action === undefined ? undefined : eq(action, filter.action),
        filter.actorUserId === undefined ? undefined : eq(actorUserId, filter.actorUserId),
        filter.since === undefined ? undefined : sql`${occurredAt} >= ${filter.since}::timestamptz`,
        filter.until === undefined ? undefined : sql`${occurredAt} < ${filter.until}::timestamptz`,
        before(after),
      ),
    )
    .orderBy(desc(occurredAt), desc(id))
    .limit(limit);
}
