import { fileURLToPath } from 'node:url';
import type { Database, Transaction } from '@portfolioos/db';

/** The payments database (drizzle over its pool). */
export type PaymentsDb = Database;
/** A transaction on it. */
export type PaymentsTx = Transaction;

/** The committed drizzle-kit migrations (copied next to dist by the build). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
