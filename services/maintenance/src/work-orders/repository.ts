import { and, asc, eq } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { MaintenanceTx } from '../db/database.js';
import { workOrders } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type NewWorkOrder = typeof workOrders.$inferInsert;

export async function insertWorkOrder(tx: MaintenanceTx, row: NewWorkOrder): Promise<WorkOrderRow> {
  const [created] = await tx.insert(workOrders).values(row).returning();
  return created!;
}

/** One work order, optionally locked for a change (concurrent updates of one work order queue up). */
export async function findWorkOrder(tx: MaintenanceTx, orgId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.orgId, orgId), eq(workOrders.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateWorkOrder(
  tx: MaintenanceTx,
  orgId: string,
  id: string,
  changes: Partial<NewWorkOrder>,
): Promise<WorkOrderRow> {
  const [row] = await tx
    .update(workOrders)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(workOrders.orgId, orgId), eq(workOrders.id, id)))
    .returning();
  return row!;
}

/** Work orders oldest first; `vendorId` narrows to one vendor's (a vendor's own view). */
export function listWorkOrders(
  tx: MaintenanceTx,
  orgId: string,
  filter: { vendorId?: string; status?: string; requestId?: string },
  limit: number,
  after?: CursorPosition,
) {
  const w = workOrders;
  return tx
    .select()
    .from(w)
    .where(
      and(
        eq(w.orgId, orgId),
        afterPosition(w, after),
        filter.vendorId ? eq(w.vendorId, filter.vendorId) : undefined,
        filter.status ? eq(w.status, filter.status) : undefined,
        filter.requestId ? eq(w.requestId, filter.requestId) : undefined,
      ),
    )
    .orderBy(asc(w.createdAt), asc(w.id))
    .limit(limit);
}
