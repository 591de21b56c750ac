import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, notFound, unprocessable, type Principal } from '@portfolioos/service-kit';
import { recordAudit, type AuditActor } from '../audit/audit-log.js';
import { findUserById } from '../users/repository.js';
import { hashSecret } from '../crypto/secrets.js';
import { withLookup, type IdentityDb, type IdentityTx } from '../db/database.js';
import { eventRole, nowMillis, publish } from '../outbox.js';
import { findOrganization } from '../organizations/repository.js';
import type { MembershipRole } from '../organizations/roles.js';
import { mintInvitationToken, type AcceptTokenKind } from './invitation-token.js';
import {
  findInvitation,
  insertInvitation,
  listPendingInvitations,
  lookUpInvitation,
  updateInvitation,
  type InvitationRow,
} from './repository.js';

export interface InvitationSettings {
  ttlHours: number;
  acceptUrlBase: string;
  /**
   * Development only (DEV_INVITER_LINKS_CREATE_ACCOUNTS): links minted for the inviter are `mailed` links,
   * so they can create new accounts, while no mail service exists. Off, they are `handed` links.
   */
  inviterLinksCreateAccounts: boolean;
}

/** An accept link: the token and the page it opens. */
export interface AcceptLink {
  token: string;
  url: string;
  expiresAt: Date;
}

/**
 * Owners alone may invite owners, so they alone may see, re-link or revoke owner invitations: minting a link
 * for one is as good as creating it (a manager minted one and accepted it as an owner: issue #10).
 */
function assertMayHandle(principal: Principal, role: string): void {
  if (role === 'owner' && !principal.roles.includes('owner'))
    throw forbidden('Only owners can handle owner invitations.');
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
    assertMayHandle(principal, input.role);
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

  async list(principal: Principal, orgId: string): Promise<InvitationRow[]> {
    const pending = await this.inOrg(principal, orgId, (tx) => listPendingInvitations(tx, orgId));
    return pending.filter((invitation) => invitation.role !== 'owner' || principal.roles.includes('owner'));
  }

  /**
   * A fresh accept link for the inviter to pass on; it replaces any earlier one, so only the newest works.
   * It is a `handed` link (links existing accounts only) unless the development flag says otherwise.
   */
  mintAcceptLink(principal: Principal, orgId: string, invitationId: string): Promise<AcceptLink> {
    const kind = this.settings.inviterLinksCreateAccounts ? 'mailed' : 'handed';
    return this.inOrg(principal, orgId, async (tx) => {
      const invitation = await this.pending(tx, orgId, invitationId);
      assertMayHandle(principal, invitation.role);
      return this.relink(tx, invitation, kind);
    });
  }

  /** A fresh `mailed` link for the mail service to deliver to the invited address (internal callers only). */
  async mintMailedLink(invitationId: string): Promise<AcceptLink> {
    const found = await withLookup(this.db, 'invitation_id', invitationId, (tx) =>
      lookUpInvitation(tx, invitationId),
    );
    if (!found) throw notFound();
    return withOrgTransaction(this.db, found.orgId, async (tx) =>
      this.relink(tx, await this.pending(tx, found.orgId, invitationId), 'mailed'),
    );
  }

  async revoke(principal: Principal, orgId: string, invitationId: string, actor: AuditActor): Promise<void> {
    await this.inOrg(principal, orgId, async (tx) => {
      const invitation = await this.pending(tx, orgId, invitationId);
      assertMayHandle(principal, invitation.role);
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

  private async relink(tx: IdentityTx, invitation: InvitationRow, kind: AcceptTokenKind) {
    const token = mintInvitationToken(invitation.id, kind);
    await updateInvitation(tx, invitation.orgId, invitation.id, { tokenHash: hashSecret(token) });
    const url = new URL('/accept-invitation', this.settings.acceptUrlBase);
    url.searchParams.set('token', token);
    return { token, url: url.toString(), expiresAt: invitation.expiresAt };
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
