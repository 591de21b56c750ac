import { and, eq, isNull, sql } from 'drizzle-orm';
import type { IdentityTx } from '../db/database.js';
import { sessions, users } from '../db/schema.js';
import type { UserRow } from '../auth/repository.js';

/** What a person may change about themselves (email is not among it: see profile-routes.ts). */
export interface ProfileChanges {
  displayName?: string;
  phone?: string | null;
  locale?: string | null;
}

/** The person, row-locked, so a profile change and a deactivation cannot interleave. */
export async function findUserForUpdate(tx: IdentityTx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function updateUserProfile(
  tx: IdentityTx,
  id: string,
  changes: ProfileChanges,
): Promise<UserRow> {
  const [row] = await tx.update(users).set(changes).where(eq(users.id, id)).returning();
  return row!;
}

export async function markDeactivated(tx: IdentityTx, id: string): Promise<void> {
  await tx
    .update(users)
    .set({ deactivatedAt: sql`now()` })
    .where(eq(users.id, id));
}

/** Ends every live session of the person; their refresh tokens stop working at once. */
export async function revokeSessionsOfUser(tx: IdentityTx, userId: string, reason: string): Promise<number> {
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
