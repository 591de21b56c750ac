import { and, eq, isNull, sql } from 'drizzle-orm';
import type { MaintenanceTx } from '../db/database.js';
import { organizations, properties, tenancies, tenancyParties, tenants, units } from '../db/schema.js';

/** A unit as maintenance knows it from listings. */
export interface KnownUnit {
  unitId: string;
  propertyId: string;
  archived: boolean;
}

export async function findUnit(
  tx: MaintenanceTx,
  orgId: string,
  unitId: string,
): Promise<KnownUnit | undefined> {
  const [row] = await tx
    .select({
      unitId: units.id,
      propertyId: units.propertyId,
      archived: sql<boolean>`${units.archivedAt} is not null or ${properties.archivedAt} is not null`,
    })
    .from(units)
    .leftJoin(properties, eq(properties.id, units.propertyId))
    .where(and(eq(units.orgId, orgId), eq(units.id, unitId)));
  return row;
}

export async function findProperty(tx: MaintenanceTx, orgId: string, propertyId: string) {
  const [row] = await tx
    .select({ id: properties.id, archivedAt: properties.archivedAt })
    .from(properties)
    .where(and(eq(properties.orgId, orgId), eq(properties.id, propertyId)));
  return row;
}

/** The tenancy under which a user lives in a unit today, as leasing's events tell it. */
export interface CurrentTenancy {
  leaseId: string;
  unitId: string;
  propertyId: string;
}

// The tenant record (leasing's TenantCreated/Updated), once known, is newer truth than the user id a
// lease event carried: a tenant unlinked from the portal files nothing.
const partyUser = sql`case when ${tenants.id} is not null then ${tenants.userId} else ${tenancyParties.userId} end`;

/**
 * The tenancy `userId` holds on `unitId` at `now`: a binding (not cancelled) lease whose dates cover the
 * calendar day `now` is in the lease's zone (the property's; the organization's when neither is known).
 */
export async function findCurrentTenancy(
  tx: MaintenanceTx,
  orgId: string,
  userId: string,
  unitId: string,
  now: Date,
): Promise<CurrentTenancy | undefined> {
  const zone = sql`coalesce(${tenancies.timeZone}, ${properties.timeZone}, ${organizations.timeZone}, 'UTC')`;
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${zone})::date`;
  const [row] = await tx
    .select({ leaseId: tenancies.leaseId, unitId: units.id, propertyId: units.propertyId })
    .from(tenancies)
    .innerJoin(units, eq(units.id, tenancies.unitId))
    .innerJoin(tenancyParties, eq(tenancyParties.leaseId, tenancies.leaseId))
    .leftJoin(tenants, eq(tenants.id, tenancyParties.tenantId))
    .leftJoin(properties, eq(properties.id, units.propertyId))
    .leftJoin(organizations, eq(organizations.id, tenancies.orgId))
    .where(
      and(
        eq(tenancies.orgId, orgId),
        eq(tenancies.unitId, unitId),
        isNull(tenancies.cancelledAt),
        isNull(units.archivedAt),
        sql`${partyUser} = ${userId}`,
        sql`${tenancies.startDate} <= ${today}`,
        sql`(${tenancies.endDate} is null or ${tenancies.endDate} >= ${today})`,
      ),
    )
    .limit(1);
  return row;
}
