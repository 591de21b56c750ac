import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { ListingsTx, RowLock } from '../db/database.js';
import { properties } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type PropertyRow = typeof properties.$inferSelect;
export type NewProperty = typeof properties.$inferInsert;

// Every query runs in an org-scoped transaction and also filters by org explicitly: RLS is the net,
// not the only check.

export async function insertProperty(tx: ListingsTx, row: NewProperty): Promise<PropertyRow> {
  const [created] = await insertProperties(tx, [row]);
  return created!;
}

/** Many properties in one statement (RETURNING order is not guaranteed: match rows by content). */
export function insertProperties(tx: ListingsTx, rows: NewProperty[]): Promise<PropertyRow[]> {
  return tx.insert(properties).values(rows).returning();
}

/** The property, locked when `lock` (writers serialise per aggregate for event order). */
export async function findProperty(
  tx: ListingsTx,
  orgId: string,
  id: string,
  lock: RowLock | false = false,
): Promise<PropertyRow | undefined> {
  const query = tx
    .select()
    .from(properties)
    .where(and(eq(properties.orgId, orgId), eq(properties.id, id)));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

export async function updateProperty(
  tx: ListingsTx,
  orgId: string,
  id: string,
  changes: Partial<NewProperty>,
): Promise<PropertyRow> {
  const [row] = await tx
    .update(properties)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(properties.orgId, orgId), eq(properties.id, id)))
    .returning();
  return row!;
}

/** Active (not archived) properties, oldest first, after the cursor position. */
export function listProperties(tx: ListingsTx, orgId: string, limit: number, after?: CursorPosition) {
  const position = afterPosition(properties, after);
  return tx
    .select()
    .from(properties)
    .where(and(eq(properties.orgId, orgId), isNull(properties.archivedAt), position))
    .orderBy(asc(properties.createdAt), asc(properties.id))
    .limit(limit);
}
