import { and, desc, eq } from 'drizzle-orm';
import type { IdentityTx } from '../db/database.js';
import { auditEvents } from '../db/schema.js';
import { before, exactInstantOf, type Position } from '../paging/cursor-position.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(tx: IdentityTx, event: NewAuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(event);
}

/**
 * One page of the organization's audit log, newest first with the id as tie-break, after the cursor
 * position if given. Each row carries `position`, its exact (microsecond) cursor position: a millisecond
 * JS date would skip the rows between `.123000` and `.123456`.
 */
export function listAuditEvents(tx: IdentityTx, orgId: string, limit: number, after?: Position) {
  const { occurredAt, id } = auditEvents;
  return tx
    .select({ event: auditEvents, position: exactInstantOf(occurredAt) })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), before(occurredAt, id, after)))
    .orderBy(desc(occurredAt), desc(id))
    .limit(limit);
}
