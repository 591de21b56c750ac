import { sql } from 'drizzle-orm';
import type { ListingsDb } from '../../src/db/database.js';

/**
 * Rewrites public_listings in map order (along its GiST location index) and refreshes its statistics.
 * A bulk import leaves the table in import order, so one city's listings sit on thousands of scattered
 * pages and every city-box search reads them all; in map order the same search reads a few hundred.
 * CLUSTER locks the table while it rewrites it (about 30 s at 1M listings), so this is a bulk-import
 * step, not something to run under live traffic (there, pg_repack does the same without the lock).
 */
export async function clusterPublicListingsInMapOrder(db: ListingsDb): Promise<void> {
  await db.execute(sql`cluster public_listings using public_listings_location_gist`);
  await db.execute(sql`analyze public_listings`);
}
