import { and, asc, eq } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { LeasingTx } from '../db/database.js';
import { tenants } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type TenantRow = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;

// Every query runs in an org-scoped transaction and also filters by org explicitly: RLS is the net,
// not the only check.

export async function insertTenant(tx: LeasingTx, row: NewTenant): Promise<TenantRow> {
  const [created] = await tx.insert(tenants).values(row).returning();
  return created!;
}

export async function updateTenant(
  tx: LeasingTx,
  orgId: string,
  id: string,
  changes: Partial<NewTenant>,
): Promise<TenantRow | undefined> {
  const [row] = await tx
    .update(tenants)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(tenants.orgId, orgId), eq(tenants.id, id)))
    .returning();
  return row;
}

export async function findTenant(tx: LeasingTx, orgId: string, id: string): Promise<TenantRow | undefined> {
  const [row] = await tx
    .select()
    .from(tenants)
    .where(and(eq(tenants.orgId, orgId), eq(tenants.id, id)));
  return row;
}

/** Tenants oldest first, after the cursor position. */
export function listTenants(
  tx: LeasingTx,
  orgId: string,
  limit: number,
  after?: CursorPosition,
): Promise<TenantRow[]> {
  return tx
    .select()
    .from(tenants)
    .where(and(eq(tenants.orgId, orgId), afterPosition(tenants, after)))
    .orderBy(asc(tenants.createdAt), asc(tenants.id))
    .limit(limit);
}
