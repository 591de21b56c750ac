import { sql } from 'drizzle-orm';
import type { MembershipGranted, MembershipRevoked, MembershipRoleChanged } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { NotificationsTx } from '../db/database.js';
import { members } from '../db/schema.js';

type MembershipEvent = MembershipGranted | MembershipRoleChanged | MembershipRevoked;

/**
 * identity granted, changed or revoked a membership: who in an organization hears about its staff
 * events, and whom the organization may message at all. Newer state wins over a late older event.
 */
export async function onMembershipChanged(
  event: MembershipEvent,
  active: boolean,
  tx: NotificationsTx,
): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  await tx
    .insert(members)
    .values({
      orgId: event.organization_id,
      userId: event.user_id,
      role: event.role.toLowerCase(),
      active,
      updatedAt: new Date(event.occurred_at),
    })
    .onConflictDoUpdate({
      target: [members.orgId, members.userId],
      set: { role: sql`excluded.role`, active: sql`excluded.active`, updatedAt: sql`excluded.updated_at` },
      setWhere: sql`${members.updatedAt} <= excluded.updated_at`,
    });
}
