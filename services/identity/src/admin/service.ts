import { eq } from 'drizzle-orm';
import { withTransaction } from '@portfolioos/db';
import { forbidden } from '@portfolioos/service-kit';
import type { AuditActor } from '../audit/audit-log.js';
import { withLookup, type IdentityDb } from '../db/database.js';
import { users } from '../db/schema.js';
import type { Position } from '../paging/cursor-position.js';
import type { SigningKeyStore } from '../signing-keys/service.js';
import { deactivateUser, type Deactivation } from '../users/deactivation.js';
import {
  deletePlatformAdmin,
  insertPlatformAdmin,
  isPlatformAdmin,
  listPlatformAuditEvents,
  recordPlatformAudit,
  searchOrganizations,
  searchUsers,
  type PlatformAuditFilter,
} from './repository.js';

/**
 * Platform operations for admin tokens. Admins see the directory of organizations and people but are
 * members of none, so org-scoped data stays closed to them (authorize() refuses admin tokens there).
 */
export class PlatformAdminService {
  constructor(
    private readonly db: IdentityDb,
    private readonly keys: SigningKeyStore,
  ) {}

  /** Re-checks the grant on every call, so `admin:grant --revoke` takes effect at once. */
  async requireAdmin(userId: string | null | undefined): Promise<void> {
    if (!userId || !(await isPlatformAdmin(this.db, userId)))
      throw forbidden('This account is not a platform admin.');
  }

  organizations(q: string | undefined, limit: number, after?: Position) {
    return withLookup(this.db, 'platform_admin', 'on', (tx) => searchOrganizations(tx, q, limit, after));
  }

  users(q: string | undefined, limit: number, after?: Position) {
    return searchUsers(this.db, q, limit, after);
  }

  /** An admin may deactivate an organization's last owner (e.g. a compromised account): security first. */
  async deactivate(userId: string, reason: Deactivation['reason'], actor: AuditActor): Promise<void> {
    await deactivateUser(this.db, {
      userId,
      reason,
      deactivatedBy: actor.userId,
      actor,
      protectLastOwner: false,
      alsoInTransaction: (tx) => recordPlatformAudit(tx, 'admin.user_deactivated', actor, userId, { reason }),
    });
  }

  /** Rotates the signing key now; the old key stays published until its tokens expire. */
  async rotateSigningKey(actor: AuditActor): Promise<{ kid: string; publishedKids: string[] }> {
    const kid = await this.keys.rotate();
    await recordPlatformAudit(this.db, 'admin.signing_key_rotated', actor, kid);
    return { kid, publishedKids: this.keys.jwks().keys.map((k) => k.kid) };
  }

  auditEvents(filter: PlatformAuditFilter, limit: number, after?: Position) {
    return listPlatformAuditEvents(this.db, filter, limit, after);
  }
}

/**
 * Grants (or with `revoke`, withdraws) platform admin to the account with `email`: the operator CLI's
 * work, never reachable over HTTP. Returns false when the email has no account.
 */
export function setPlatformAdmin(
  db: IdentityDb,
  email: string,
  operator: string,
  revoke = false,
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) return false;
    if (revoke) await deletePlatformAdmin(tx, user.id);
    else await insertPlatformAdmin(tx, user.id, operator);
    const cli = { userId: null, ip: null, userAgent: 'admin CLI' };
    await recordPlatformAudit(tx, revoke ? 'admin.revoked' : 'admin.granted', cli, user.id, { operator });
    return true;
  });
}
