import { eq } from 'drizzle-orm';
import type { UnitArchived, UnitUpdated } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { MaintenanceTx } from '../db/database.js';
import { units } from '../db/schema.js';
import { notNewerThan } from './newer-than.js';

/** listings created or changed a unit: remember it (and its property), newest event wins. */
export async function onUnitChanged(event: UnitUpdated, tx: MaintenanceTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  const asOf = new Date(event.occurred_at);
  await tx
    .insert(units)
    .values({
      id: event.unit_id,
      orgId: event.organization_id,
      propertyId: event.property_id,
      label: event.label,
      asOf,
    })
    .onConflictDoUpdate({
      target: units.id,
      set: { propertyId: event.property_id, label: event.label, asOf },
      setWhere: notNewerThan(units.asOf, asOf),
    });
}

export async function onUnitArchived(event: UnitArchived, tx: MaintenanceTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  await tx
    .update(units)
    .set({ archivedAt: new Date(event.occurred_at) })
    .where(eq(units.id, event.unit_id));
}
