import { withTransaction } from '@portfolioos/db';
import { notFound, unauthorized } from '@portfolioos/service-kit';
import type { AuditActor } from '../audit/audit-log.js';
import type { IdentityDb } from '../db/database.js';
import { nowMillis, publish } from '../outbox.js';
import { findUserForUpdate, updateUserProfile, type ProfileChanges } from './repository.js';
import { auditInEachOrg, homeOrgOf, membershipsInTx } from './person-scope.js';
import type { UserRow } from '../auth/repository.js';

/** A person's own profile: the change, its UserProfileUpdated (full state) and audit in one transaction. */
export class ProfileService {
  constructor(private readonly db: IdentityDb) {}

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
}
