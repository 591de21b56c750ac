import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@portfolioos/db';

/** The identity database (drizzle over its pool). */
export type IdentityDb = Database;
/** A transaction on it. */
export type IdentityTx = Transaction;

/** The committed drizzle-kit migrations (copied next to dist by the build). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

type Lookup = 'user_id' | 'invitation_id' | 'api_key_prefix' | 'platform_admin';

/**
 * Runs `fn` in a transaction with no organization but one row-level-security lookup setting: `user_id`
 * reveals that person's memberships and organizations (read-only), `invitation_id` one invitation, and
 * `api_key_prefix` one API key, `platform_admin` (= 'on', admin routes only) every organization — the few
 * reads that must happen before, or across, organizations.
 */
export function withLookup<T>(
  db: IdentityDb,
  lookup: Lookup,
  value: string,
  fn: (tx: IdentityTx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config(${`app.${lookup}`}, ${value}, true)`);
    return fn(tx);
  });
}

/** The database itself or a transaction on it: what read helpers accept. */
export type Executor = IdentityDb | IdentityTx;

/**
 * Points one row-level-security setting (`org_id`, `user_id`) at `value` for the rest of this transaction.
 * For the few writes that span a person's organizations (deactivation, profile audit) in one transaction.
 */
export async function setScope(tx: IdentityTx, name: 'org_id' | 'user_id', value: string): Promise<void> {
  await tx.execute(sql`select set_config(${`app.${name}`}, ${value}, true)`);
}
