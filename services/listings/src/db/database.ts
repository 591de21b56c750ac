import { fileURLToPath } from 'node:url';
import type { Database, Transaction } from '@portfolioos/db';

/** The listings database (drizzle over its pool). */
export type ListingsDb = Database;
/** A transaction on it. */
export type ListingsTx = Transaction;
/**
 * How a read locks its row: `update` for the writer of that row, `share` for a writer of another row whose
 * rule depends on it staying as read (publishing a listing needs its unit not archived meanwhile).
 */
export type RowLock = 'update' | 'share';

/** The committed drizzle-kit migrations (copied next to dist by the build). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Runs `fn` read-only with no organization: the org-owned tables (listings, units, properties) show no
 * rows, so public search can only read what is public by definition (public_listings, listing_map_cells).
 */
export function withPublicSearch<T>(db: ListingsDb, fn: (tx: ListingsTx) => Promise<T>): Promise<T> {
  return db.transaction(fn, { accessMode: 'read only' });
}
