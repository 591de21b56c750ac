import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { MaintenanceTx } from '../db/database.js';
import { vendorAccounts, vendors } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type VendorRow = typeof vendors.$inferSelect;
export type NewVendor = typeof vendors.$inferInsert;
export type VendorWithUsers = VendorRow & { portalUserIds: string[] };

const sameEmail = sql`lower(${vendors.email}) = ${vendorAccounts.email}`;

/** Vendors by id with their portal users, in the order of `ids`. */
async function withUsers(tx: MaintenanceTx, orgId: string, rows: VendorRow[]): Promise<VendorWithUsers[]> {
  if (rows.length === 0) return [];
  const links = await tx
    .select({ vendorId: vendors.id, userId: vendorAccounts.userId })
    .from(vendors)
    .innerJoin(vendorAccounts, and(eq(vendorAccounts.orgId, vendors.orgId), sameEmail))
    .where(
      and(
        eq(vendors.orgId, orgId),
        inArray(
          vendors.id,
          rows.map((r) => r.id),
        ),
      ),
    );
  return rows.map((row) => ({
    ...row,
    portalUserIds: links.filter((l) => l.vendorId === row.id).map((l) => l.userId),
  }));
}

export async function insertVendor(tx: MaintenanceTx, row: NewVendor): Promise<VendorWithUsers> {
  const [created] = await tx.insert(vendors).values(row).returning();
  return (await withUsers(tx, row.orgId, [created!]))[0]!;
}

export async function updateVendor(
  tx: MaintenanceTx,
  orgId: string,
  id: string,
  changes: Partial<NewVendor>,
): Promise<VendorWithUsers | undefined> {
  const [row] = await tx
    .update(vendors)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)))
    .returning();
  return row && (await withUsers(tx, orgId, [row]))[0];
}

export async function findVendor(tx: MaintenanceTx, orgId: string, id: string) {
  const rows = await tx
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)));
  return (await withUsers(tx, orgId, rows))[0];
}

export async function listVendors(tx: MaintenanceTx, orgId: string, limit: number, after?: CursorPosition) {
  const rows = await tx
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), afterPosition(vendors, after)))
    .orderBy(asc(vendors.createdAt), asc(vendors.id))
    .limit(limit);
  return withUsers(tx, orgId, rows);
}

/** The vendor a portal user acts for (its accepted invitation's e-mail), if any. */
export async function vendorIdOfUser(
  tx: MaintenanceTx,
  orgId: string,
  userId: string,
): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: vendors.id })
    .from(vendorAccounts)
    .innerJoin(vendors, and(eq(vendors.orgId, vendorAccounts.orgId), sameEmail))
    .where(and(eq(vendorAccounts.orgId, orgId), eq(vendorAccounts.userId, userId)));
  return row?.id;
}
