import { sql } from 'drizzle-orm';
import type { ConsumedTombstone } from '@portfolioos/events';
import type { ListingSnapshot } from '@portfolioos/schemas';
import type { LeasingTx } from '../db/database.js';
import { listings } from '../db/schema.js';

/**
 * listings published a listing's full state: remember which unit it markets and whether it is published
 * (applications are only taken for active ones). Only a higher version wins, so a snapshot replayed
 * from the compacted topic after a newer one changes nothing. The consumer already acts as the
 * snapshot's organization (row-level security checks the write).
 */
export async function onListingSnapshot(snapshot: ListingSnapshot, tx: LeasingTx): Promise<void> {
  const row = {
    id: snapshot.listing_id,
    orgId: snapshot.organization_id,
    unitId: snapshot.unit_id,
    propertyId: snapshot.property_id,
    status: snapshot.status.toLowerCase(),
    title: snapshot.title,
    rentMinor: snapshot.rent_amount_minor,
    currency: snapshot.currency,
    version: snapshot.version,
  };
  await tx
    .insert(listings)
    .values(row)
    .onConflictDoUpdate({
      target: listings.id,
      set: { ...row, id: undefined, orgId: undefined },
      setWhere: sql`${listings.version} < ${row.version}`,
    });
}

/**
 * A deleted listing (tombstone): kept as `deleted` at the tombstone's version, so an older snapshot
 * replayed after it cannot bring the listing back. Applications already made keep their listing id.
 */
export async function onListingDeleted(tombstone: ConsumedTombstone, tx: LeasingTx): Promise<void> {
  const version = tombstone.envelope?.aggregateVersion;
  await tx
    .update(listings)
    .set({ status: 'deleted', ...(version ? { version } : {}) })
    .where(
      sql`${listings.id} = ${tombstone.key} and (${version ?? null}::bigint is null or ${listings.version} < ${version ?? null}::bigint)`,
    );
}
