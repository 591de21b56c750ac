import { withTransaction } from '@portfolioos/db';
import { notFound, unauthorized } from '@portfolioos/service-kit';
import type { AuditActor } from '../audit/audit-log.js';
import type { PasswordHasher } from '../crypto/passwords.js';
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
    private readonly passwords: PasswordHasher,
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

  /** Closes the person's own account (refused while they are an organization's last owner). */
  async closeAccount(userId: string, password: string, actor: AuditActor): Promise<void> {
    // Re-entering the password: a stolen access token alone must not be able to close the account.
    const user = await findUserById(this.db, userId);
    if (!user || !(await this.passwords.verify(user.passwordHash, password)))
      throw unauthorized('The password is incorrect.');
    await deactivateUser(this.db, {
      userId,
      reason: 'USER_REQUESTED',
      deactivatedBy: null,
      actor,
      protectLastOwner: true,
    });
  }
}
