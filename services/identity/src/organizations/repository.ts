import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { IdentityTx } from '../db/database.js';
import { memberships, organizations, users } from '../db/schema.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

// Every query below runs in an org-scoped transaction and also filters by org explicitly: RLS is the net,
// not the only check.

export async function insertOrganization(
  tx: IdentityTx,
  org: typeof organizations.$inferInsert,
): Promise<OrganizationRow> {
  const [row] = await tx.insert(organizations).values(org).returning();
  return row!;
}

export async function findOrganization(tx: IdentityTx, orgId: string): Promise<OrganizationRow | undefined> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
  return row;
}

/** Settings an owner may change (the slug is a stable identifier and stays). */
export type OrganizationChanges = Partial<
  Pick<OrganizationRow, 'name' | 'defaultCurrency' | 'timezone' | 'country'>
>;

export async function updateOrganization(
  tx: IdentityTx,
  orgId: string,
  changes: OrganizationChanges,
): Promise<OrganizationRow | undefined> {
  const [row] = await tx.update(organizations).set(changes).where(eq(organizations.id, orgId)).returning();
  return row;
}

export async function insertMembership(
  tx: IdentityTx,
  membership: typeof memberships.$inferInsert,
): Promise<MembershipRow> {
  const [row] = await tx.insert(memberships).values(membership).returning();
  return row!;
}

export async function findMembership(tx: IdentityTx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.id, id)))
    .for('update');
  return row;
}

export async function findMembershipOfUser(tx: IdentityTx, orgId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row;
}

// The cursor carries milliseconds (ISO strings) while PostgreSQL keeps microseconds: order and compare on the
// truncated time, with the id breaking ties, so a page resumes exactly after the row it ended with.
const joinedMs = sql`date_trunc('milliseconds', ${memberships.createdAt})`;

/** Members with their names and emails, oldest first, after the cursor position (joined at, membership id). */
export function listMembers(
  tx: IdentityTx,
  orgId: string,
  limit: number,
  after?: { at: string; id: string },
) {
  const position = after
    ? sql`(${joinedMs}, ${memberships.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      createdAt: memberships.createdAt,
      email: users.email,
      displayName: users.displayName,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), position))
    .orderBy(asc(joinedMs), asc(memberships.id))
    .limit(limit);
}

/** Owners of the organization, counted under a lock so two demotions cannot both pass the ≥1 check. */
export async function countOwnersLocked(tx: IdentityTx, orgId: string): Promise<number> {
  await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')))
    .for('update');
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')));
  return row?.n ?? 0;
}

export async function updateMembershipRole(
  tx: IdentityTx,
  orgId: string,
  id: string,
  role: string,
): Promise<void> {
  await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.id, id)));
}

export async function deleteMembership(tx: IdentityTx, orgId: string, id: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.id, id)));
}
