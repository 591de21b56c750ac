import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, notFound, unprocessable, type Principal } from '@portfolioos/service-kit';
import { recordAudit, type AuditActor } from '../audit/audit-log.js';
import { findUserById } from '../users/repository.js';
import { hashSecret } from '../crypto/secrets.js';
import type { IdentityDb, IdentityTx } from '../db/database.js';
import { eventRole, nowMillis, publish } from '../outbox.js';
import { findOrganization } from '../organizations/repository.js';
import type { MembershipRole } from '../organizations/roles.js';
import { mintInvitationToken } from './invitation-token.js';
import {
  findInvitation,
  insertInvitation,
  listPendingInvitations,
  updateInvitation,
  type InvitationRow,
} from './repository.js';

export interface InvitationSettings {
  ttlHours: number;
  acceptUrlBase: string;
}

/** Creating, listing, revoking invitations and minting their single-use accept links. */
export class InvitationService {
  constructor(
    private readonly db: IdentityDb,
    private readonly settings: InvitationSettings,
  ) {}

  async invite(
    principal: Principal,
    orgId: string,
    input: { email: string; role: MembershipRole; message?: string },
    actor: AuditActor,
  ) {
    if (input.role === 'owner' && !principal.roles.includes('owner'))
      throw forbidden('Only owners can invite owners.');
    return this.inOrg(principal, orgId, async (tx) => {
      const org = await findOrganization(tx, orgId);
      const inviter = await findUserById(tx, principal.userId!);
      if (!org || !inviter) throw notFound();
      const invitation = await insertInvitation(tx, {
        orgId,
        email: input.email,
        role: input.role,
        message: input.message ?? null,
        invitedByUserId: inviter.id,
        expiresAt: new Date(Date.now() + this.settings.ttlHours * 3_600_000),
      });
      await publish(tx, 'portfolioos.identity.InvitationCreated', invitation.id, {
        invitation_id: invitation.id,
        organization_id: orgId,
        occurred_at: nowMillis(),
        email: invitation.email,
        role: eventRole(invitation.role),
        organization_name: org.name,
        inviter_user_id: inviter.id,
        inviter_name: inviter.displayName,
        expires_at: invitation.expiresAt.getTime(),
        message: invitation.message,
      });
      await recordAudit(tx, orgId, 'invitation.created', actor, invitation.id, {
        email: invitation.email,
        role: invitation.role,
      });
      return invitation;
    });
  }

  list(principal: Principal, orgId: string): Promise<InvitationRow[]> {
    return this.inOrg(principal, orgId, (tx) => listPendingInvitations(tx, orgId));
  }

  /** A fresh accept link; it replaces any earlier one, so only the newest link works. */
  async mintAcceptLink(principal: Principal, orgId: string, invitationId: string) {
    return this.inOrg(principal, orgId, async (tx) => {
      const invitation = await this.pending(tx, orgId, invitationId);
      const token = mintInvitationToken(invitation.id);
      await updateInvitation(tx, orgId, invitation.id, { tokenHash: hashSecret(token) });
      const url = new URL('/accept-invitation', this.settings.acceptUrlBase);
      url.searchParams.set('token', token);
      return { token, url: url.toString(), expiresAt: invitation.expiresAt };
    });
  }

  async revoke(principal: Principal, orgId: string, invitationId: string, actor: AuditActor): Promise<void> {
    await this.inOrg(principal, orgId, async (tx) => {
      const invitation = await this.pending(tx, orgId, invitationId);
      await updateInvitation(tx, orgId, invitation.id, {
        status: 'revoked',
        tokenHash: null,
        closedAt: new Date(),
      });
      await publish(tx, 'portfolioos.identity.InvitationRevoked', invitation.id, {
        invitation_id: invitation.id,
        organization_id: orgId,
        occurred_at: nowMillis(),
        email: invitation.email,
        revoked_by_user_id: principal.userId,
      });
      await recordAudit(tx, orgId, 'invitation.revoked', actor, invitation.id, { email: invitation.email });
    });
  }

  private async pending(tx: IdentityTx, orgId: string, invitationId: string): Promise<InvitationRow> {
    const invitation = await findInvitation(tx, orgId, invitationId);
    if (!invitation) throw notFound();
    if (invitation.status !== 'pending')
      throw unprocessable(`The invitation is ${invitation.status}.`, 'invitation-closed');
    return invitation;
  }

  private inOrg<T>(principal: Principal, orgId: string, fn: (tx: IdentityTx) => Promise<T>): Promise<T> {
    if (principal.orgId !== orgId) throw notFound();
    return withOrgTransaction(this.db, orgId, fn);
  }
}
