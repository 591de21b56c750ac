import { and, eq, sql } from 'drizzle-orm';
import {
  avroDateToIsoDate,
  type LeaseAmended,
  type LeaseCancelled,
  type LeaseEnded,
  type LeaseSigned,
  type LeaseStarted,
  type LeaseTerminated,
} from '@portfolioos/schemas';
import { notNewerThan } from '../catalog/newer-than.js';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { MaintenanceTx } from '../db/database.js';
import { tenancies, tenancyParties } from '../db/schema.js';

// Guarantors answer for the rent but do not live in the unit: they file nothing for it.
const LIVES_THERE = new Set(['PRIMARY_TENANT', 'CO_TENANT', 'OCCUPANT']);

/**
 * A lease binds (signed), starts or is amended: the event carries its full terms, so the tenancy's unit,
 * dates and parties are replaced by them, unless a newer event was applied already.
 */
export async function onLeaseTerms(
  event: LeaseSigned | LeaseStarted | LeaseAmended,
  tx: MaintenanceTx,
): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  const { terms } = event;
  const asOf = new Date(event.occurred_at);
  const row = {
    unitId: terms.unit_id,
    propertyId: terms.property_id,
    startDate: avroDateToIsoDate(terms.start_date),
    endDate: terms.end_date === null ? null : avroDateToIsoDate(terms.end_date),
    timeZone: terms.time_zone,
    asOf,
  };
  const applied = await tx
    .insert(tenancies)
    .values({ leaseId: event.lease_id, orgId: event.organization_id, ...row })
    .onConflictDoUpdate({ target: tenancies.leaseId, set: row, setWhere: notNewerThan(tenancies.asOf, asOf) })
    .returning({ leaseId: tenancies.leaseId });
  if (applied.length === 0) return;
  await tx.delete(tenancyParties).where(eq(tenancyParties.leaseId, event.lease_id));
  const parties = terms.parties.filter((p) => LIVES_THERE.has(p.role));
  if (parties.length === 0) return;
  await tx.insert(tenancyParties).values(
    parties.map((p) => ({
      leaseId: event.lease_id,
      orgId: event.organization_id,
      tenantId: p.tenant_id,
      userId: p.user_id,
    })),
  );
}

/** The tenancy's last day is now known (ended, or terminated early): it stops being current after it. */
async function setLastDay(tx: MaintenanceTx, orgId: string, leaseId: string, lastDay: number, at: number) {
  await actAsOrganization(tx, orgId);
  await tx
    .update(tenancies)
    .set({
      endDate: avroDateToIsoDate(lastDay),
      asOf: sql`greatest(${tenancies.asOf}, ${new Date(at).toISOString()}::timestamptz)`,
    })
    .where(and(eq(tenancies.orgId, orgId), eq(tenancies.leaseId, leaseId)));
}

export const onLeaseEnded = (event: LeaseEnded, tx: MaintenanceTx) =>
  setLastDay(tx, event.organization_id, event.lease_id, event.end_date, event.occurred_at);

export const onLeaseTerminated = (event: LeaseTerminated, tx: MaintenanceTx) =>
  setLastDay(tx, event.organization_id, event.lease_id, event.termination_date, event.occurred_at);

/** A lease cancelled before signing never binds; if we saw it bind (a replay), it stops counting. */
export async function onLeaseCancelled(event: LeaseCancelled, tx: MaintenanceTx): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  await tx
    .update(tenancies)
    .set({ cancelledAt: new Date(event.occurred_at) })
    .where(and(eq(tenancies.orgId, event.organization_id), eq(tenancies.leaseId, event.lease_id)));
}
