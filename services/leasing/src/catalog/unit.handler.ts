import { sql } from 'drizzle-orm';
import type { UnitArchived, UnitUpdated } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { LeasingTx } from '../db/database.js';
import { units } from '../db/schema.js';

/** listings created or changed a unit: remember it (and its property), newest event wins. */
export async function onUnitChanged(event: UnitUpdated, tx: LeasingTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  const row = {
    id: event.unit_id,
    orgId: event.organization_id,
    propertyId: event.property_id,
    label: event.label,
    asOf: new Date(event.occurred_at),
  };
  await tx
    .insert(units)
    .values(row)
    .onConflictDoUpdate({
      target: units.id,
      set: { propertyId: row.propertyId, label: row.label, asOf: row.asOf },
      setWhere: sql`${units.asOf} <= ${row.asOf.toISOString()}::timestamptz`,
    });
}

export async function onUnitArchived(event: UnitArchived, tx: LeasingTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  await tx
    .update(units)
    .set({ archivedAt: new Date(event.occurred_at) })
    .where(sql`${units.id} = ${event.unit_id}`);
}
