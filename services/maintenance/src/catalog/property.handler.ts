import { eq } from 'drizzle-orm';
import type { PropertyArchived, PropertyUpdated } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { MaintenanceTx } from '../db/database.js';
import { properties } from '../db/schema.js';
import { notNewerThan } from './newer-than.js';

/** listings created or changed a property: keep its name and zone, newest event wins. */
export async function onPropertyChanged(event: PropertyUpdated, tx: MaintenanceTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  const asOf = new Date(event.occurred_at);
  await tx
    .insert(properties)
    .values({
      id: event.property_id,
      orgId: event.organization_id,
      name: event.name,
      timeZone: event.time_zone,
      asOf,
    })
    .onConflictDoUpdate({
      target: properties.id,
      set: { name: event.name, timeZone: event.time_zone, asOf },
      setWhere: notNewerThan(properties.asOf, asOf),
    });
}

export async function onPropertyArchived(event: PropertyArchived, tx: MaintenanceTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  await tx
    .update(properties)
    .set({ archivedAt: new Date(event.occurred_at) })
    .where(eq(properties.id, event.property_id));
}
