import { sql } from 'drizzle-orm';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from './create-database.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `fn` in one transaction scoped to `orgId`: row-level security policies see `app.org_id` for this
 * transaction only (SET LOCAL semantics), so a pooled connection never carries one org's scope into the next.
 */
export async function withOrgTransaction<TSchema extends Record<string, unknown>, T>(
  db: Database<TSchema>,
  orgId: string,
  fn: (tx: Transaction<TSchema>) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  if (!UUID.test(orgId))
    throw new TypeError(`withOrgTransaction: org id must be a UUID, got ${JSON.stringify(orgId)}`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
    return fn(tx);
  }, config);
}

/**
 * Runs `fn` in one transaction with NO organization set: org-isolated tables show no rows and accept no
 * writes. Meant for tables without org policies (outbox, inbox, platform data) and consumer bookkeeping.
 */
export async function withTransaction<TSchema extends Record<string, unknown>, T>(
  db: Database<TSchema>,
  fn: (tx: Transaction<TSchema>) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  return db.transaction(fn, config);
}
