import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { ListingsTx, RowLock } from '../db/database.js';
import { units } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type UnitRow = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;

export function insertUnits(tx: ListingsTx, rows: NewUnit[]): Promise<UnitRow[]> {
  return tx.insert(units).values(rows).returning();
}

export async function findUnit(
  tx: ListingsTx,
  orgId: string,
  id: string,
  lock: RowLock | false = false,
): Promise<UnitRow | undefined> {
  const query = tx
    .select()
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.id, id)));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

export async function updateUnit(
  tx: ListingsTx,
  orgId: string,
  id: string,
  changes: Partial<NewUnit>,
): Promise<UnitRow> {
  const [row] = await tx
    .update(units)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(units.orgId, orgId), eq(units.id, id)))
    .returning();
  return row!;
}

/** Active units of a property, oldest first (creation order), after the cursor position. */
export function listUnits(
  tx: ListingsTx,
  orgId: string,
  propertyId: string,
  limit: number,
  after?: CursorPosition,
) {
  const position = afterPosition(units, after);
  return tx
    .select()
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.propertyId, propertyId), isNull(units.archivedAt), position))
    .orderBy(asc(units.createdAt), asc(units.id))
    .limit(limit);
}
