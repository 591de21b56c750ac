import { and, desc, gt, isNull, or, sql } from 'drizzle-orm';
import type { IdentityDb, IdentityTx } from '../db/database.js';
import { signingKeys } from '../db/schema.js';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

// Any constant, unique within the identity database: serialises key creation across replicas.
const SIGNING_KEY_LOCK = 7_240_101;

/** Keys that sign now or signed tokens that may still be unexpired, newest first. */
export function findPublishedKeys(db: IdentityDb, retiredSince: Date): Promise<SigningKeyRow[]> {
  return db
    .select()
    .from(signingKeys)
    .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, retiredSince)))
    .orderBy(desc(signingKeys.createdAt));
}

/** Runs `fn` holding the key-management lock, so two replicas never both create or rotate keys. */
export function withSigningKeyLock<T>(db: IdentityDb, fn: (tx: IdentityTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGNING_KEY_LOCK})`);
    return fn(tx);
  });
}

export async function findCurrentKey(tx: IdentityTx): Promise<SigningKeyRow | undefined> {
  const [row] = await tx
    .select()
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt))
    .orderBy(desc(signingKeys.createdAt))
    .limit(1);
  return row;
}

export async function retireCurrentKeys(tx: IdentityTx): Promise<void> {
  await tx
    .update(signingKeys)
    .set({ retiredAt: new Date() })
    .where(and(isNull(signingKeys.retiredAt)));
}

export async function insertKey(tx: IdentityTx, row: typeof signingKeys.$inferInsert): Promise<void> {
  await tx.insert(signingKeys).values(row);
}
