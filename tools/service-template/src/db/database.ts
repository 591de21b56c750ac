import { fileURLToPath } from 'node:url';
import type { Database, Transaction } from '@portfolioos/db';

/** The __name__ database (drizzle over its pool). */
export type __Pascal__Db = Database;
/** A transaction on it. */
export type __Pascal__Tx = Transaction;

/** The committed drizzle-kit migrations (copied next to dist by the build). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
