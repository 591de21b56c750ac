import { withOrgTransaction } from '@portfolioos/db';
import { unauthorized, unprocessable, type Principal } from '@portfolioos/service-kit';
import type { LoginGuard } from '../abuse/login-guard.js';
import type { PasswordGate } from '../abuse/password-gate.js';
import { recordAudit, type AuditActor } from '../audit/audit-log.js';
import { findUserByEmail, type UserRow } from '../users/repository.js';
import { startSession, type TokenPair } from '../sessions/sessions.js';
import type { TokenIssuer } from '../sessions/token-issuer.js';
import type { PasswordHasher } from '../crypto/passwords.js';
import { secretMatches } from '../crypto/secrets.js';
import { withLookup, type IdentityDb } from '../db/database.js';
import { nowMillis, publish } from '../outbox.js';
import { grantMembership, registerUser } from '../organizations/people.js';
import type { MembershipRole } from '../organizations/roles.js';
import { parseInvitationToken, type AcceptTokenKind } from './invitation-token.js';
import { findInvitation, lookUpInvitation, updateInvitation } from './repository.js';

const INVALID = 'The invitation link is not valid or has expired.';
// The one answer for a wrong password, a deactivated account, and a handed link for an email with no
// account, so the link's holder learns nothing about the account.
const NEEDS_PASSWORD = 'Sign in with the password of the existing account for this email to accept.';

export interface AcceptInput {
  token: string;
  password: string;
  displayName?: string;
}

/**
 * Accepting an invitation: an existing person proves it is them (their password, checked by the password
 * gate like every sign-in, or being signed in as them) and gets linked; a new person gets an account, but
 * only with a `mailed` link, the proof that they control the email. Either way they become a member and
 * are signed in there.
 */
export class InvitationAcceptance {
  constructor(
    private readonly db: IdentityDb,
    private readonly issuer: TokenIssuer,
    private readonly passwords: PasswordHasher,
    private readonly gate: PasswordGate,
    private readonly guard: LoginGuard,
    private readonly refreshTtlSeconds: number,
  ) {}

  async accept(input: AcceptInput, caller: Principal | null, actor: AuditActor): Promise<TokenPair> {
    await this.guard.checkRate('accept-invitation', actor.ip ?? 'unknown');
    const parsed = parseInvitationToken(input.token);
    if (!parsed) throw unauthorized(INVALID);
    const { invitationId } = parsed;
    const found = await withLookup(this.db, 'invitation_id', invitationId, (tx) =>
      lookUpInvitation(tx, invitationId),
    );
    if (!found?.tokenHash || !secretMatches(input.token, found.tokenHash)) throw unauthorized(INVALID);
    const existing = await findUserByEmail(this.db, found.email);
    await this.proveAcceptor(found.email, existing, parsed.kind, input, caller, actor);
    if (!existing && !input.displayName)
      throw unprocessable('display_name is required for a new account.', 'display-name-required');
    const passwordHash = existing ? undefined : await this.passwords.hash(input.password);

    return withOrgTransaction(this.db, found.orgId, async (tx) => {
      const invitation = await findInvitation(tx, found.orgId, invitationId);
      if (!invitation || invitation.status !== 'pending' || invitation.tokenHash !== found.tokenHash)
        throw unauthorized(INVALID);
      if (invitation.expiresAt.getTime() <= Date.now()) throw unauthorized(INVALID);
      const user =
        existing ??
        (await registerUser(
          tx,
          invitation.orgId,
          { email: invitation.email, displayName: input.displayName!, passwordHash: passwordHash! },
          'INVITATION',
          invitation.id,
        ));
      const role = invitation.role as MembershipRole;
      const membership = await grantMembership(tx, {
        orgId: invitation.orgId,
        userId: user.id,
        role,
        grantedBy: invitation.invitedByUserId,
        invitationId: invitation.id,
      });
      await updateInvitation(tx, invitation.orgId, invitation.id, {
        status: 'accepted',
        tokenHash: null,
        acceptedUserId: user.id,
        closedAt: new Date(),
      });
      await publish(tx, 'portfolioos.identity.InvitationAccepted', invitation.id, {
        invitation_id: invitation.id,
        organization_id: invitation.orgId,
        occurred_at: nowMillis(),
        email: invitation.email,
        user_id: user.id,
        membership_id: membership.id,
      });
      await recordAudit(
        tx,
        invitation.orgId,
        'invitation.accepted',
        { ...actor, userId: user.id, kind: 'user' },
        invitation.id,
      );
      return startSession(tx, this.issuer, this.refreshTtlSeconds, {
        userId: user.id,
        orgId: invitation.orgId,
        roles: [role],
      });
    });
  }

  /** Who may accept; throws unless it is proven (a mailed link for a new account proves the email). */
  private async proveAcceptor(
    email: string,
    existing: UserRow | undefined,
    kind: AcceptTokenKind,
    input: AcceptInput,
    caller: Principal | null,
    actor: AuditActor,
  ): Promise<void> {
    if (existing && !existing.deactivatedAt && caller?.userId === existing.id) return;
    if (!existing && kind === 'mailed') return;
    const attempt = { channel: 'accept-invitation' as const, email, user: existing, actor };
    if (!(await this.gate.check({ ...attempt, password: input.password })))
      throw unauthorized(NEEDS_PASSWORD);
  }
}
