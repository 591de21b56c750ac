import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { IdentityTx } from '../db/database.js';
import { apiKeys } from '../db/schema.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(tx: IdentityTx, row: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [created] = await tx.insert(apiKeys).values(row).returning();
  return created!;
}

/** Finds a key by its visible prefix (inside an `api_key_prefix` lookup transaction). */
export async function findApiKeyByPrefix(tx: IdentityTx, prefix: string): Promise<ApiKeyRow | undefined> {
  const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
  return row;
}

export async function findApiKey(tx: IdentityTx, orgId: string, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
    .for('update');
  return row;
}

export function listApiKeys(tx: IdentityTx, orgId: string): Promise<ApiKeyRow[]> {
  return tx
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt))
    .limit(200);
}

export async function revokeApiKey(tx: IdentityTx, orgId: string, id: string): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)));
}

/** Stamps last use, at most once a minute per key, so a busy partner does not write on every call. */
export async function touchApiKey(tx: IdentityTx, orgId: string, id: string): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.orgId, orgId),
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}
