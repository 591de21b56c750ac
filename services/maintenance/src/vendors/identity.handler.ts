import { and, eq } from 'drizzle-orm';
import type { InvitationAccepted, InvitationCreated, MembershipRevoked } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { MaintenanceTx } from '../db/database.js';
import { vendorAccounts, vendorInvitations } from '../db/schema.js';

// identity's vendor invitations carry only an e-mail and the role; the vendor record with that e-mail is
// the one the accepting user acts for (matched at read time, so either may come first).

/** A vendor was invited to the portal: remember the address its acceptance will prove. */
export async function onInvitationCreated(event: InvitationCreated, tx: MaintenanceTx): Promise<void> {
  if (event.role !== 'VENDOR') return;
  await actAsOrganization(tx, event.organization_id);
  await tx
    .insert(vendorInvitations)
    .values({
      invitationId: event.invitation_id,
      orgId: event.organization_id,
      email: event.email.toLowerCase(),
    })
    .onConflictDoNothing();
}

/** A vendor invitation was accepted: that user is the vendor portal account of the invited address. */
export async function onInvitationAccepted(event: InvitationAccepted, tx: MaintenanceTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  const [invitation] = await tx
    .select()
    .from(vendorInvitations)
    .where(eq(vendorInvitations.invitationId, event.invitation_id));
  if (!invitation) return; // not a vendor invitation
  await tx
    .insert(vendorAccounts)
    .values({
      orgId: event.organization_id,
      userId: event.user_id,
      email: invitation.email,
      linkedAt: new Date(event.occurred_at),
    })
    .onConflictDoUpdate({
      target: [vendorAccounts.orgId, vendorAccounts.userId],
      set: { email: invitation.email, linkedAt: new Date(event.occurred_at) },
    });
}

/** A vendor's membership ended: its user acts for no vendor any more. */
export async function onMembershipRevoked(event: MembershipRevoked, tx: MaintenanceTx): Promise<void> {
  if (event.role !== 'VENDOR') return;
  await actAsOrganization(tx, event.organization_id);
  await tx
    .delete(vendorAccounts)
    .where(and(eq(vendorAccounts.orgId, event.organization_id), eq(vendorAccounts.userId, event.user_id)));
}
