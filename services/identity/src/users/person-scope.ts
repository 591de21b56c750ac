import { conflict, forbidden, type Principal } from '@portfolioos/service-kit';
import { recordAudit, type AuditAction, type AuditActor } from '../audit/audit-log.js';
import { membershipsOfUser, type MembershipOfUser, type UserRow } from './repository.js';
import { setScope, type IdentityTx } from '../db/database.js';

/** The person behind a user token; partner credentials and admin tokens have no profile to act on. */
export function personOf(principal: Principal): string {
  if (principal.kind !== 'user' || !principal.userId) throw forbidden('This endpoint is for people.');
  return principal.userId;
}

/** Every membership of the person, read inside the caller's transaction. */
export async function membershipsInTx(tx: IdentityTx, userId: string): Promise<MembershipOfUser[]> {
  await setScope(tx, 'user_id', userId);
  return membershipsOfUser(tx, userId);
}

/** The organization a person's events belong to: where they joined, else (pre-0002 rows) their oldest. */
export function homeOrgOf(user: UserRow, memberships: MembershipOfUser[]): string {
  const orgId = user.homeOrgId ?? memberships[0]?.orgId;
  if (!orgId) throw conflict('This account belongs to no organization.', 'no-home-organization');
  return orgId;
}

/** Records `action` in the audit log of every organization the person belongs to, in this transaction. */
export async function auditInEachOrg(
  tx: IdentityTx,
  memberships: MembershipOfUser[],
  action: AuditAction,
  actor: AuditActor,
  subject: string,
  details: Record<string, string> = {},
): Promise<void> {
  for (const { orgId } of memberships) {
    await setScope(tx, 'org_id', orgId);
    await recordAudit(tx, orgId, action, actor, subject, details);
  }
}
