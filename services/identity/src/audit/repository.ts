import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { IdentityTx } from '../db/database.js';
import { auditEvents } from '../db/schema.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(tx: IdentityTx, event: NewAuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(event);
}

/** One page of the organization's audit log, newest first, after the (occurredAt, id) cursor if given. */
export function listAuditEvents(
  tx: IdentityTx,
  orgId: string,
  limit: number,
  after?: { at: string; id: string },
): Promise<AuditEventRow[]> {
  const position = after
    ? or(
        lt(auditEvents.occurredAt, new Date(after.at)),
        and(eq(auditEvents.occurredAt, new Date(after.at)), lt(auditEvents.id, after.id)),
      )
    : undefined;
  return tx
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), position))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}
