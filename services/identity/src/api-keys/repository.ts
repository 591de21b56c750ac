import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { IdentityTx } from '../db/database.js';
import { apiKeys, memberships, users } from '../db/schema.js';
import { PEOPLE_ADMINS } from '../organizations/roles.js';

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

/**
 * Whether the person who created a key still may (an active account holding a key-managing role in the
 * organization): a key stops working when its creator leaves, is demoted or is deactivated.
 */
export async function creatorStillEntitled(tx: IdentityTx, orgId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        inArray(memberships.role, [...PEOPLE_ADMINS]),
        isNull(users.deactivatedAt),
      ),
    );
  return row !== undefined;
}
