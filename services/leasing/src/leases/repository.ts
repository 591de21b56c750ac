import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { LeasingTx } from '../db/database.js';
import { leaseParties, leases, organizations, properties, tenants, units } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';
import { OCCUPYING_STATUSES } from './lifecycle.js';

export type LeaseRow = typeof leases.$inferSelect;
export type NewLease = typeof leases.$inferInsert;
export type PartyRole = 'primary_tenant' | 'co_tenant' | 'occupant';

/** A person on a lease, with the tenant details events and responses carry. */
export interface LeaseParty {
  tenantId: string;
  role: PartyRole;
  fullName: string;
  email: string | null;
  userId: string | null;
}
export type LeaseWithParties = LeaseRow & { parties: LeaseParty[] };

/** The unit as leasing knows it from listings, with the zone its dates are in. */
export interface LeasableUnit {
  unitId: string;
  propertyId: string;
  archived: boolean;
  timeZone: string | null;
}

export async function findLeasableUnit(
  tx: LeasingTx,
  orgId: string,
  unitId: string,
): Promise<LeasableUnit | undefined> {
  const [row] = await tx
    .select({
      unitId: units.id,
      propertyId: units.propertyId,
      archived: sql<boolean>`${units.archivedAt} is not null or ${properties.archivedAt} is not null`,
      timeZone: sql<string | null>`coalesce(${properties.timeZone}, ${organizations.timeZone})`,
    })
    .from(units)
    .leftJoin(properties, eq(properties.id, units.propertyId))
    .leftJoin(organizations, eq(organizations.id, units.orgId))
    .where(and(eq(units.orgId, orgId), eq(units.id, unitId)));
  return row;
}

/** Tenants of the organization among `ids` (the ones that exist). */
export async function findTenantsById(tx: LeasingTx, orgId: string, ids: string[]) {
  return tx
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(eq(tenants.orgId, orgId), inArray(tenants.id, ids)));
}

export async function insertLease(
  tx: LeasingTx,
  row: NewLease,
  parties: { tenantId: string; role: PartyRole }[],
): Promise<LeaseWithParties> {
  const [lease] = await tx.insert(leases).values(row).returning();
  await tx
    .insert(leaseParties)
    .values(parties.map((p, position) => ({ leaseId: lease!.id, orgId: row.orgId, position, ...p })));
  return (await findLeases(tx, row.orgId, [lease!.id]))[0]!;
}

export async function updateLease(
  tx: LeasingTx,
  orgId: string,
  id: string,
  changes: Partial<NewLease>,
): Promise<LeaseWithParties> {
  await tx
    .update(leases)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(leases.orgId, orgId), eq(leases.id, id)));
  return (await findLeases(tx, orgId, [id]))[0]!;
}

/** One lease, locked for a transition (concurrent transitions of one lease queue up). */
export async function lockLease(tx: LeasingTx, orgId: string, id: string): Promise<LeaseRow | undefined> {
  const [row] = await tx
    .select()
    .from(leases)
    .where(and(eq(leases.orgId, orgId), eq(leases.id, id)))
    .for('update');
  return row;
}

/** Leases by id with their parties, in the order of `ids`. */
export async function findLeases(tx: LeasingTx, orgId: string, ids: string[]): Promise<LeaseWithParties[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(leases)
    .where(and(eq(leases.orgId, orgId), inArray(leases.id, ids)));
  const parties = await tx
    .select({
      leaseId: leaseParties.leaseId,
      tenantId: leaseParties.tenantId,
      role: leaseParties.role,
      fullName: tenants.fullName,
      email: tenants.email,
      userId: tenants.userId,
    })
    .from(leaseParties)
    .innerJoin(tenants, eq(tenants.id, leaseParties.tenantId))
    .where(and(eq(leaseParties.orgId, orgId), inArray(leaseParties.leaseId, ids)))
    .orderBy(asc(leaseParties.position));
  const byId = new Map(rows.map((row) => [row.id, { ...row, parties: [] as LeaseParty[] }]));
  for (const { leaseId, role, ...party } of parties)
    byId.get(leaseId)?.parties.push({ ...party, role: role as PartyRole });
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface LeaseFilter {
  unitId?: string;
  status?: string;
  /** Occupying the unit on this calendar date. */
  activeOn?: string;
  /** Occupying the unit at this instant, read as a date in each lease's time zone. */
  activeAt?: Date;
  /** Only leases this tenant (by identity user) is a party of. */
  tenantUserId?: string | null;
  /** Only leases this tenant record is a party of. */
  tenantId?: string;
}

function occupiedOn(day: SQL): SQL {
  return and(
    inArray(leases.status, [...OCCUPYING_STATUSES]),
    lte(leases.startDate, day),
    or(isNull(leases.endDate), gte(leases.endDate, day)),
  )!;
}

const partyOf = (condition: SQL) =>
  sql`exists (select 1 from ${leaseParties} join ${tenants} on ${tenants.id} = ${leaseParties.tenantId}
      where ${leaseParties.leaseId} = ${leases.id} and ${condition})`;

/** Lease ids oldest first, after the cursor position, matching `filter`. */
export async function listLeaseIds(
  tx: LeasingTx,
  orgId: string,
  filter: LeaseFilter,
  limit: number,
  after?: CursorPosition,
): Promise<string[]> {
  const conditions = [
    eq(leases.orgId, orgId),
    afterPosition(leases, after),
    filter.unitId ? eq(leases.unitId, filter.unitId) : undefined,
    filter.status ? eq(leases.status, filter.status) : undefined,
    filter.activeOn ? occupiedOn(sql`${filter.activeOn}::date`) : undefined,
    filter.activeAt
      ? occupiedOn(sql`(${filter.activeAt.toISOString()}::timestamptz at time zone ${leases.timeZone})::date`)
      : undefined,
    filter.tenantUserId ? partyOf(sql`${tenants.userId} = ${filter.tenantUserId}`) : undefined,
    filter.tenantId ? partyOf(sql`${tenants.id} = ${filter.tenantId}`) : undefined,
  ];
  const rows = await tx
    .select({ id: leases.id })
    .from(leases)
    .where(and(...conditions))
    .orderBy(asc(leases.createdAt), asc(leases.id))
    .limit(limit);
  return rows.map((row) => row.id);
}
