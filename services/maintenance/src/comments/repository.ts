import { and, asc, eq } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { MaintenanceTx } from '../db/database.js';
import { requestComments } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type CommentRow = typeof requestComments.$inferSelect;

export async function insertComment(
  tx: MaintenanceTx,
  row: typeof requestComments.$inferInsert,
): Promise<CommentRow> {
  const [created] = await tx.insert(requestComments).values(row).returning();
  return created!;
}

/** A request's thread oldest first; without `withInternal` the staff-only notes are left out. */
export function listComments(
  tx: MaintenanceTx,
  orgId: string,
  requestId: string,
  withInternal: boolean,
  limit: number,
  after?: CursorPosition,
): Promise<CommentRow[]> {
  const c = requestComments;
  return tx
    .select()
    .from(c)
    .where(
      and(
        eq(c.orgId, orgId),
        eq(c.requestId, requestId),
        withInternal ? undefined : eq(c.internal, false),
        afterPosition(c, after),
      ),
    )
    .orderBy(asc(c.createdAt), asc(c.id))
    .limit(limit);
}
