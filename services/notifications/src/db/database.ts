import { fileURLToPath } from 'node:url';
import type { Database, Transaction } from '@portfolioos/db';

/** The notifications database (drizzle over its pool). */
export type NotificationsDb = Database;
/** A transaction on it. */
export type NotificationsTx = Transaction;

/** The committed drizzle-kit migrations (copied next to dist by the build). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
