import { eq } from 'drizzle-orm';
import { withTransaction } from '@portfolioos/db';
import type { Executor, IdentityDb, IdentityTx } from '../db/database.js';
import { platformAdmins, platformAuditEvents, users } from '../db/schema.js';

/** Admin actions, recorded outside every organization. */
export type PlatformAuditAction =
  | 'admin.granted'
  | 'admin.revoked'
  | 'admin.token_issued'
  | 'admin.user_deactivated'
  | 'admin.signing_key_rotated';

export interface PlatformActor {
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export async function recordPlatformAudit(
  tx: Executor,
  action: PlatformAuditAction,
  actor: PlatformActor,
  subject: string | null,
  details: Record<string, string> = {},
): Promise<void> {
  await tx
    .insert(platformAuditEvents)
    .values({ action, actorUserId: actor.userId, subject, ...actor, details });
}

export async function isPlatformAdmin(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select().from(platformAdmins).where(eq(platformAdmins.userId, userId));
  return row !== undefined;
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
  return withTransaction(db, async (tx: IdentityTx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) return false;
    if (revoke) await tx.delete(platformAdmins).where(eq(platformAdmins.userId, user.id));
    else
      await tx.insert(platformAdmins).values({ userId: user.id, grantedBy: operator }).onConflictDoNothing();
    const cli = { userId: null, ip: null, userAgent: 'admin CLI' };
    await recordPlatformAudit(tx, revoke ? 'admin.revoked' : 'admin.granted', cli, user.id, { operator });
    return true;
  });
}
