import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, notFound, unprocessable, type Principal } from '@portfolioos/service-kit';
import { recordAudit, type AuditActor } from '../audit/audit-log.js';
import type { IdentityDb } from '../db/database.js';
import { eventRole, nowMillis, publish } from '../outbox.js';
import {
  countOwnersLocked,
  deleteMembership,
  findMembership,
  findOrganization,
  listMembers,
  updateMembershipRole,
  updateOrganization,
  type OrganizationChanges,
  type OrganizationRow,
} from './repository.js';
import type { MembershipRole } from './roles.js';

/**
 * Members and roles of one organization. Every method takes the org from the path and refuses (404) when
 * it is not the caller's active organization: another organization's objects do not exist for them.
 */
export class OrganizationService {
  constructor(private readonly db: IdentityDb) {}

  async get(principal: Principal, orgId: string): Promise<OrganizationRow> {
    const org = await this.inOrg(principal, orgId, (tx) => findOrganization(tx, orgId));
    if (!org) throw notFound();
    return org;
  }

  /** Changes the organization's settings and publishes its full new state (OrganizationUpdated). */
  async update(principal: Principal, orgId: string, changes: OrganizationChanges, actor: AuditActor) {
    return this.inOrg(principal, orgId, async (tx) => {
      const org = await updateOrganization(tx, orgId, changes);
      if (!org) throw notFound();
      await publish(tx, 'portfolioos.identity.OrganizationUpdated', orgId, {
        organization_id: orgId,
        occurred_at: nowMillis(),
        name: org.name,
        default_currency: org.defaultCurrency,
        timezone: org.timezone,
        country: org.country,
      });
      await recordAudit(tx, orgId, 'organization.updated', actor, orgId, {
        fields: Object.keys(changes).sort().join(','),
      });
      return org;
    });
  }

  listMembers(principal: Principal, orgId: string, limit: number, after?: { at: string; id: string }) {
    return this.inOrg(principal, orgId, (tx) => listMembers(tx, orgId, limit, after));
  }

  /** Changes a member's role; only owners grant or take away `owner`, and the last owner stays one. */
  async changeRole(
    principal: Principal,
    orgId: string,
    membershipId: string,
    role: MembershipRole,
    actor: AuditActor,
  ) {
    return this.inOrg(principal, orgId, async (tx) => {
      const membership = await findMembership(tx, orgId, membershipId);
      if (!membership) throw notFound();
      if (membership.role === role) return membership;
      const touchesOwner = role === 'owner' || membership.role === 'owner';
      if (touchesOwner && !principal.roles.includes('owner'))
        throw forbidden('Only owners can grant or remove the owner role.');
      if (membership.role === 'owner' && (await countOwnersLocked(tx, orgId)) <= 1)
        throw unprocessable('An organization must keep at least one owner.', 'last-owner');
      await updateMembershipRole(tx, orgId, membershipId, role);
      await publish(tx, 'portfolioos.identity.MembershipRoleChanged', membershipId, {
        membership_id: membershipId,
        organization_id: orgId,
        occurred_at: nowMillis(),
        user_id: membership.userId,
        previous_role: eventRole(membership.role),
        role: eventRole(role),
        changed_by_user_id: principal.userId ?? principal.subject,
      });
      await recordAudit(tx, orgId, 'membership.role_changed', actor, membership.userId, {
        from: membership.role,
        to: role,
      });
      return { ...membership, role };
    });
  }

  /** Removes a member (access ends at their next refresh); the last owner cannot be removed. */
  async remove(principal: Principal, orgId: string, membershipId: string, actor: AuditActor): Promise<void> {
    await this.inOrg(principal, orgId, async (tx) => {
      const membership = await findMembership(tx, orgId, membershipId);
      if (!membership) throw notFound();
      if (membership.role === 'owner' && !principal.roles.includes('owner'))
        throw forbidden('Only owners can remove an owner.');
      if (membership.role === 'owner' && (await countOwnersLocked(tx, orgId)) <= 1)
        throw unprocessable('An organization must keep at least one owner.', 'last-owner');
      await deleteMembership(tx, orgId, membershipId);
      await publish(tx, 'portfolioos.identity.MembershipRevoked', membershipId, {
        membership_id: membershipId,
        organization_id: orgId,
        occurred_at: nowMillis(),
        user_id: membership.userId,
        role: eventRole(membership.role),
        revoked_by_user_id: principal.userId,
      });
      await recordAudit(tx, orgId, 'membership.revoked', actor, membership.userId, { role: membership.role });
    });
  }

  private inOrg<T>(
    principal: Principal,
    orgId: string,
    fn: Parameters<typeof withOrgTransaction<Record<string, never>, T>>[2],
  ): Promise<T> {
    if (principal.orgId !== orgId) throw notFound();
    return withOrgTransaction(this.db, orgId, fn);
  }
}
