import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor, IdentityTx } from '../db/database.js';
import { memberships, organizations, sessions, users } from '../db/schema.js';

export type UserRow = typeof users.$inferSelect;

export interface MembershipOfUser {
  membershipId: string;
  orgId: string;
  orgName: string;
  role: string;
}

export async function findUserByEmail(tx: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(tx: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(tx: IdentityTx, user: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await tx.insert(users).values(user).returning();
  return row!;
}

/** The person's memberships across organizations (needs a `user_id` lookup transaction), oldest first. */
export function membershipsOfUser(tx: IdentityTx, userId: string): Promise<MembershipOfUser[]> {
  return tx
    .select({
      membershipId: memberships.id,
      orgId: memberships.orgId,
      orgName: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

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
