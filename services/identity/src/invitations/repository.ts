import { and, desc, eq } from 'drizzle-orm';
import type { IdentityTx } from '../db/database.js';
import { invitations } from '../db/schema.js';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(
  tx: IdentityTx,
  row: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  const [created] = await tx.insert(invitations).values(row).returning();
  return created!;
}

/** The invitation, row-locked for the org transaction's change. */
export async function findInvitation(
  tx: IdentityTx,
  orgId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)))
    .for('update');
  return row;
}

/**
 * The invitation an accept token names, before its organization is known (inside an `invitation_id` lookup
 * transaction). No row lock: FOR UPDATE/SHARE would need an UPDATE policy the lookup deliberately lacks.
 */
export async function lookUpInvitation(tx: IdentityTx, id: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

export function listPendingInvitations(tx: IdentityTx, orgId: string): Promise<InvitationRow[]> {
  return tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.status, 'pending')))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}

export async function updateInvitation(
  tx: IdentityTx,
  orgId: string,
  id: string,
  changes: Partial<typeof invitations.$inferInsert>,
): Promise<void> {
  await tx
    .update(invitations)
    .set(changes)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)));
}
