import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { platformAuditEvents } from '../db/schema.js';
import { before, exactInstantOf, type Position } from '../paging/cursor-position.js';

/** Which platform audit events to list; `since` is inclusive and `until` exclusive (ISO date-times). */
export interface PlatformAuditFilter {
  action?: string;
  actorUserId?: string;
  since?: string;
  until?: string;
}

/**
 * One page of the platform audit log, newest first with the id as tie-break (walks the
 * (occurred_at, id) index backwards). Each row carries `position`, its exact cursor position.
 */
export function listPlatformAuditEvents(
  db: Executor,
  filter: PlatformAuditFilter,
  limit: number,
  after?: Position,
) {
  const { occurredAt, id, action, actorUserId } = platformAuditEvents;
  return db
    .select({ event: platformAuditEvents, position: exactInstantOf(occurredAt) })
    .from(platformAuditEvents)
    .where(
      and(
        filter.action === undefined ? undefined : eq(action, filter.action),
        filter.actorUserId === undefined ? undefined : eq(actorUserId, filter.actorUserId),
        filter.since === undefined ? undefined : sql`${occurredAt} >= ${filter.since}::timestamptz`,
        filter.until === undefined ? undefined : sql`${occurredAt} < ${filter.until}::timestamptz`,
        before(occurredAt, id, after),
      ),
    )
    .orderBy(desc(occurredAt), desc(id))
    .limit(limit);
}
