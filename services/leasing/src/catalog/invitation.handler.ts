import { and, eq, isNull, sql } from 'drizzle-orm';
import type { InvitationAccepted, InvitationCreated } from '@portfolioos/schemas';
import type { LeasingTx } from '../db/database.js';
import { invitations, tenants } from '../db/schema.js';
import { publish } from '../outbox.js';
import { tenantEvent } from '../tenants/mapping.js';

/** identity invited someone: remember the role and address (the consumer acts as the organization). */
export async function onInvitationCreated(event: InvitationCreated, tx: LeasingTx): Promise<void> {
  await tx
    .insert(invitations)
    .values({
      id: event.invitation_id,
      orgId: event.organization_id,
      email: event.email.toLowerCase(),
      role: event.role,
    })
    .onConflictDoNothing();
}

/**
 * A tenant invitation was accepted: the organization's tenants with that e-mail address and no portal
 * user yet are linked to the user, each with a TenantUpdated carrying `user_id` (payments and
 * maintenance read it). From then on that user's tenant token sees their leases.
 */
export async function onInvitationAccepted(event: InvitationAccepted, tx: LeasingTx): Promise<void> {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, event.organization_id), eq(invitations.id, event.invitation_id)));
  if (invitation?.role !== 'TENANT') return;
  const occurredAt = new Date(event.occurred_at);
  const linked = await tx
    .update(tenants)
    .set({ userId: event.user_id, updatedAt: occurredAt })
    .where(
      and(
        eq(tenants.orgId, event.organization_id),
        sql`lower(${tenants.email}) = ${event.email.toLowerCase()}`,
        isNull(tenants.userId),
      ),
    )
    .returning();
  for (const row of linked)
    await publish(tx, 'portfolioos.leasing.TenantUpdated', row.id, tenantEvent(row, occurredAt));
}
