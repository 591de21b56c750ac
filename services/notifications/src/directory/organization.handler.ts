import { sql } from 'drizzle-orm';
import type { OrganizationCreated, OrganizationUpdated } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { NotificationsTx } from '../db/database.js';
import { organizations } from '../db/schema.js';

/**
 * identity created or changed an organization: its name goes into every message it causes (branding),
 * its time zone is the recipients' default for quiet hours. Written as that organization in the
 * consumer's transaction, beside its inbox row, so a redelivered event changes nothing.
 */
export async function onOrganizationChanged(
  event: OrganizationCreated | OrganizationUpdated,
  tx: NotificationsTx,
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
      set: { name: sql`excluded.name`, timeZone: sql`excluded.time_zone` },
    });
}
