import { and, asc, eq, type SQL } from 'drizzle-orm';
import { afterPosition } from '@portfolioos/db';
import type { MaintenanceTx } from '../db/database.js';
import { maintenanceRequests } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type RequestRow = typeof maintenanceRequests.$inferSelect;
export type NewRequest = typeof maintenanceRequests.$inferInsert;

// Every query runs in an org-scoped transaction and also filters by org explicitly: RLS is the net,
// not the only check.

export async function insertRequest(tx: MaintenanceTx, row: NewRequest): Promise<RequestRow> {
  const [created] = await tx.insert(maintenanceRequests).values(row).returning();
  return created!;
}

/** One request; `lock` holds it for a transition (concurrent transitions of one request queue up). */
export async function findRequest(
  tx: MaintenanceTx,
  orgId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RequestRow | undefined> {
  const query = tx
    .select()
    .from(maintenanceRequests)
    .where(and(eq(maintenanceRequests.orgId, orgId), eq(maintenanceRequests.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateRequest(
  tx: MaintenanceTx,
  orgId: string,
  id: string,
  changes: Partial<NewRequest>,
): Promise<RequestRow> {
  const [row] = await tx
    .update(maintenanceRequests)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(maintenanceRequests.orgId, orgId), eq(maintenanceRequests.id, id)))
    .returning();
  return row!;
}

export interface RequestFilter {
  status?: string;
  priority?: string;
  unitId?: string;
  /** Only the requests this user filed (a tenant's view). */
  submittedBy?: string;
}

/** Requests oldest first, after the cursor position, matching `filter`. */
export function listRequests(
  tx: MaintenanceTx,
  orgId: string,
  filter: RequestFilter,
  limit: number,
  after?: CursorPosition,
): Promise<RequestRow[]> {
  const r = maintenanceRequests;
  const conditions: (SQL | undefined)[] = [
    eq(r.orgId, orgId),
    afterPosition(r, after),
    filter.status ? eq(r.status, filter.status) : undefined,
    filter.priority ? eq(r.priority, filter.priority) : undefined,
    filter.unitId ? eq(r.unitId, filter.unitId) : undefined,
    filter.submittedBy ? eq(r.submittedByUserId, filter.submittedBy) : undefined,
  ];
  return tx
    .select()
    .from(r)
    .where(and(...conditions))
    .orderBy(asc(r.createdAt), asc(r.id))
    .limit(limit);
}
