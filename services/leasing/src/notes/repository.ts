import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { LeasingTx } from '../db/database.js';
import { notes } from '../db/schema.js';
import type { NotePosition } from './schemas.js';

export type NoteRow = typeof notes.$inferSelect;
export type NewNote = typeof notes.$inferInsert;

// Every query runs in an org-scoped transaction and also filters by org explicitly: RLS is the net,
// not the only check.

export async function insertNote(tx: LeasingTx, row: NewNote): Promise<NoteRow> {
  const [created] = await tx.insert(notes).values(row).returning();
  return created!;
}

export async function findNote(tx: LeasingTx, orgId: string, id: string): Promise<NoteRow | undefined> {
  const [row] = await tx
    .select()
    .from(notes)
    .where(and(eq(notes.orgId, orgId), eq(notes.id, id)));
  return row;
}

/** Notes oldest first, after the cursor position. */
export function listNotes(
  tx: LeasingTx,
  orgId: string,
  limit: number,
  after?: NotePosition,
): Promise<NoteRow[]> {
  const position = after
    ? or(
        gt(notes.createdAt, new Date(after.at)),
        and(eq(notes.createdAt, new Date(after.at)), gt(notes.id, after.id)),
      )
    : undefined;
  return tx
    .select()
    .from(notes)
    .where(and(eq(notes.orgId, orgId), position))
    .orderBy(asc(notes.createdAt), asc(notes.id))
    .limit(limit);
}
