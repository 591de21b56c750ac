import { fileURLToPath } from 'node:url';
import type { Database, Transaction } from '@portfolioos/db';

/** The search database (drizzle over its pool): the indexer's inbox. */
export type SearchDb = Database;
/** A transaction on it, as the indexer's handlers receive it. */
export type SearchTx = Transaction;

/** The committed drizzle-kit migrations (copied next to dist by the build). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
