import { withTransaction } from '@portfolioos/db';
import { notFound, unauthorized } from '@portfolioos/service-kit';
import type { LoginGuard } from '../abuse/login-guard.js';
import type { PasswordGate } from '../abuse/password-gate.js';
import type { AuditActor } from '../audit/audit-log.js';
import { withLookup, type IdentityDb } from '../db/database.js';
import { nowMillis, publish } from '../outbox.js';
import { deactivateUser } from './deactivation.js';
import { auditInEachOrg, homeOrgOf, membershipsInTx } from './person-scope.js';
import {
  findUserById,
  findUserForUpdate,
  membershipsOfUser,
  updateUserProfile,
  type MembershipOfUser,
  type ProfileChanges,
  type UserRow,
} from './repository.js';

/** A person's own account: who they are, profile changes, closing it. */
export class ProfileService {
  constructor(
    private readonly db: IdentityDb,
    private readonly gate: PasswordGate,
    private readonly guard: LoginGuard,
  ) {}

  /** The person and every organization they belong to (401 if the account is gone). */
  async me(userId: string): Promise<{ user: UserRow; memberships: MembershipOfUser[] }> {
    const found = await withLookup(this.db, 'user_id', userId, async (tx) => ({
      user: await findUserById(tx, userId),
      memberships: await membershipsOfUser(tx, userId),
    }));
    if (!found.user) throw unauthorized();
    return { user: found.user, memberships: found.memberships };
  }

  /** The change, its UserProfileUpdated (full state) and audit in one transaction. */
  update(userId: string, changes: ProfileChanges, actor: AuditActor): Promise<UserRow> {
    return withTransaction(this.db, async (tx) => {
      const user = await findUserForUpdate(tx, userId);
      if (!user) throw notFound();
      if (user.deactivatedAt) throw unauthorized('This account is deactivated.');
      const updated = await updateUserProfile(tx, userId, changes);
      const memberships = await membershipsInTx(tx, userId);
      await publish(tx, 'portfolioos.identity.UserProfileUpdated', userId, {
        user_id: userId,
        organization_id: homeOrgOf(updated, memberships),
        occurred_at: nowMillis(),
        email: updated.email,
        display_name: updated.displayName,
        phone: updated.phone,
        locale: updated.locale,
      });
      await auditInEachOrg(tx, memberships, 'user.profile_updated', actor, userId, {
        fields: Object.keys(changes).sort().join(','),
      });
      return updated;
    });
  }

  /**
   * Closes the person's own account (refused while they are an organization's last owner). The password is
   * checked through the gate (rate limit, the account's attempt budget shared with sign-in, audit) and only
   * after the last-owner refusal, so a 409 never confirms a guessed password.
   */
  async closeAccount(userId: string, password: string, actor: AuditActor): Promise<void> {
    await this.guard.checkRate('deactivate', actor.ip ?? 'unknown');
    const user = await findUserById(this.db, userId);
    if (!user) throw unauthorized('The password is incorrect.');
    // Re-entering the password: a stolen access token alone must not be able to close the account, nor
    // test guesses at it.
    const attempt = { channel: 'deactivate' as const, email: user.email, user, actor };
    const confirm = async () => {
      if (!(await this.gate.check({ ...attempt, password })))
        throw unauthorized('The password is incorrect.');
    };
    await deactivateUser(this.db, {
      userId,
      reason: 'USER_REQUESTED',
      deactivatedBy: null,
      actor,
      protectLastOwner: true,
      confirm,
    });
  }
}
