import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@portfolioos/db';

/** The listings database (drizzle over its pool). */
export type ListingsDb = Database;
/** A transaction on it. */
export type ListingsTx = Transaction;

/** The committed drizzle-kit migrations (copied next to dist by the build). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Runs `fn` read-only with no organization and `app.public_search` on: row-level security then shows
 * published listings (and their units and properties) of every organization, and nothing else.
 */
export function withPublicSearch<T>(db: ListingsDb, fn: (tx: ListingsTx) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('app.public_search', 'on', true)`);
      return fn(tx);
    },
    { accessMode: 'read only' },
  );
}
