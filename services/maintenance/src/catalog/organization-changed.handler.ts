import type { OrganizationCreated, OrganizationUpdated } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { MaintenanceTx } from '../db/database.js';
import { organizations } from '../db/schema.js';

/**
 * identity created or changed an organization: remember its name and time zone (the fallback for a
 * property whose own zone is not known). Written beside the inbox row, so a redelivery changes nothing.
 */
export async function onOrganizationChanged(
  event: OrganizationCreated | OrganizationUpdated,
  tx: MaintenanceTx,
): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  await tx
    .insert(organizations)
    .values({
      id: event.organization_id,
      name: event.name,
      timeZone: event.timezone,
      createdAt: new Date(event.occurred_at),
    })
    .onConflictDoUpdate({
      target: organizations.id,
      set: { name: event.name, timeZone: event.timezone },
    });
}
