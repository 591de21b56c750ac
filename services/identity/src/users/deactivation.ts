import { withTransaction } from '@portfolioos/db';
import { conflict, notFound } from '@portfolioos/service-kit';
import type { AuditActor } from '../audit/audit-log.js';
import type { IdentityDb, IdentityTx } from '../db/database.js';
import { setScope } from '../db/database.js';
import { nowMillis, publish } from '../outbox.js';
import { countOwnersLocked } from '../organizations/repository.js';
import {
  findUserForUpdate,
  markDeactivated,
  revokeSessionsOfUser,
  type MembershipOfUser,
} from './repository.js';
import { auditInEachOrg, homeOrgOf, membershipsInTx } from './person-scope.js';

export interface Deactivation {
  userId: string;
  reason: 'USER_REQUESTED' | 'ADMIN_ACTION' | 'SECURITY';
  /** The admin who did it; null when the person closed their own account. */
  deactivatedBy: string | null;
  actor: AuditActor;
  /** Refuse (409) when the person is some organization's last owner: self-service closing. */
  protectLastOwner: boolean;
  /**
   * Proof the person is closing their own account (the password), checked after the last-owner refusal so
   * that a refusal says nothing about the password; throws to stop.
   */
  confirm?: () => Promise<void>;
  /** More writes that must commit with the deactivation (e.g. the platform audit of an admin's action). */
  alsoInTransaction?: (tx: IdentityTx) => Promise<void>;
}

/**
 * Deactivates an account in one transaction: no more sign-ins (login checks deactivated_at), every session
 * revoked so no refresh token works, UserDeactivated published, and the audit log of each of the person's
 * organizations told. Access tokens already issued are not revocable (verified offline everywhere) and
 * lapse within their lifetime, ACCESS_TOKEN_TTL_SECONDS (10 minutes by default). Memberships are kept:
 * they are history, and a deactivated person cannot use them. Returns false if it already was deactivated.
 */
export function deactivateUser(db: IdentityDb, request: Deactivation): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const user = await findUserForUpdate(tx, request.userId);
    if (!user) throw notFound();
    if (user.deactivatedAt) return false;
    const memberships = await membershipsInTx(tx, user.id);
    if (request.protectLastOwner) await refuseIfLastOwner(tx, memberships);
    await request.confirm?.();
    await markDeactivated(tx, user.id);
    const sessions = await revokeSessionsOfUser(tx, user.id, 'user_deactivated');
    await publish(tx, 'portfolioos.identity.UserDeactivated', user.id, {
      user_id: user.id,
      organization_id: homeOrgOf(user, memberships),
      occurred_at: nowMillis(),
      reason: request.reason,
      deactivated_by_user_id: request.deactivatedBy,
    });
    await auditInEachOrg(tx, memberships, 'user.deactivated', request.actor, user.id, {
      reason: request.reason,
      sessions_revoked: String(sessions),
    });
    await request.alsoInTransaction?.(tx);
    return true;
  });
}

// An organization without an owner could never again manage people, keys or billing.
async function refuseIfLastOwner(tx: IdentityTx, memberships: MembershipOfUser[]): Promise<void> {
  for (const m of memberships.filter((each) => each.role === 'owner')) {
    await setScope(tx, 'org_id', m.orgId);
    if ((await countOwnersLocked(tx, m.orgId)) <= 1)
      throw conflict(
        `You are the last owner of ${m.orgName}; make someone else an owner first.`,
        'last-owner',
      );
  }
}
