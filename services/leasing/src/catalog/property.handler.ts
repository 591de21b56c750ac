import { sql } from 'drizzle-orm';
import type { PropertyArchived, PropertyUpdated } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { LeasingTx } from '../db/database.js';
import { properties } from '../db/schema.js';

/**
 * listings created or changed a property: keep what leases need (its zone). Events carry full state; an
 * event older than the one applied last changes nothing, so a late redelivery cannot roll it back.
 */
export async function onPropertyChanged(event: PropertyUpdated, tx: LeasingTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  const row = {
    id: event.property_id,
    orgId: event.organization_id,
    name: event.name,
    timeZone: event.time_zone,
    asOf: new Date(event.occurred_at),
  };
  await tx
    .insert(properties)
    .values(row)
    .onConflictDoUpdate({
      target: properties.id,
      set: { name: row.name, timeZone: row.timeZone, asOf: row.asOf },
      setWhere: sql`${properties.asOf} <= ${row.asOf.toISOString()}::timestamptz`,
    });
}

export async function onPropertyArchived(event: PropertyArchived, tx: LeasingTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  await tx
    .update(properties)
    .set({ archivedAt: new Date(event.occurred_at) })
    .where(sql`${properties.id} = ${event.property_id}`);
}
