import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { ListingsTx } from '../db/database.js';
import { listings, properties, units } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type ListingRow = typeof listings.$inferSelect;
export type NewListing = typeof listings.$inferInsert;
export type ListingStatus = 'draft' | 'published' | 'unpublished' | 'leased';

/** Which listings a denormalized change touches: those of one unit, or of every unit of one property. */
export type ListingScope = { unitId: string } | { propertyId: string };

export async function insertListing(tx: ListingsTx, row: NewListing): Promise<ListingRow> {
  const [created] = await insertListings(tx, [row]);
  return created!;
}

/** Many listings in one statement (statement triggers then maintain the derived tables once). */
export function insertListings(tx: ListingsTx, rows: NewListing[]): Promise<ListingRow[]> {
  return tx.insert(listings).values(rows).returning();
}

export async function findListing(
  tx: ListingsTx,
  orgId: string,
  id: string,
  lock = false,
): Promise<ListingRow | undefined> {
  const query = tx
    .select()
    .from(listings)
    .where(and(eq(listings.orgId, orgId), eq(listings.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Applies `changes` and bumps the snapshot version in the same statement. */
export async function updateListing(
  tx: ListingsTx,
  orgId: string,
  id: string,
  changes: Partial<NewListing>,
): Promise<ListingRow> {
  const [row] = await tx
    .update(listings)
    .set({ ...changes, version: sql`${listings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(listings.orgId, orgId), eq(listings.id, id)))
    .returning();
  return row!;
}

export async function deleteListing(tx: ListingsTx, orgId: string, id: string): Promise<void> {
  await tx.delete(listings).where(and(eq(listings.orgId, orgId), eq(listings.id, id)));
}

export function listListings(tx: ListingsTx, orgId: string, limit: number, after?: CursorPosition) {
  const position = afterPosition(listings, after);
  return tx
    .select()
    .from(listings)
    .where(and(eq(listings.orgId, orgId), position))
    .orderBy(asc(listings.createdAt), asc(listings.id))
    .limit(limit);
}

/** Bumps the version of every listing in `scope` (their snapshot changes); returns their ids. */
export async function bumpListingVersions(tx: ListingsTx, orgId: string, scope: ListingScope) {
  const rows = await tx
    .update(listings)
    .set({ version: sql`${listings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(listings.orgId, orgId), inArray(listings.unitId, unitIdsIn(orgId, scope))))
    .returning({ id: listings.id });
  return rows.map((r) => r.id);
}

export async function countListings(
  tx: ListingsTx,
  orgId: string,
  scope: ListingScope,
  status: ListingStatus,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(listings)
    .where(
      and(
        eq(listings.orgId, orgId),
        eq(listings.status, status),
        inArray(listings.unitId, unitIdsIn(orgId, scope)),
      ),
    );
  return row?.n ?? 0;
}

/** A listing with its unit and property: everything a snapshot carries. */
export async function findListingViews(tx: ListingsTx, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ listing: listings, unit: units, property: properties })
    .from(listings)
    .innerJoin(units, eq(units.id, listings.unitId))
    .innerJoin(properties, eq(properties.id, units.propertyId))
    .where(and(eq(listings.orgId, orgId), inArray(listings.id, ids)))
    .orderBy(asc(listings.id));
}
export type ListingView = Awaited<ReturnType<typeof findListingViews>>[number];

function unitIdsIn(orgId: string, scope: ListingScope): SQL | string[] {
  if ('unitId' in scope) return [scope.unitId];
  return sql`(select ${units.id} from ${units} where ${units.orgId} = ${orgId} and ${units.propertyId} = ${scope.propertyId})`;
}
