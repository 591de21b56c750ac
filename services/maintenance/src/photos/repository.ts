import { and, asc, count, eq } from 'drizzle-orm';
import type { MaintenanceTx } from '../db/database.js';
import { requestPhotos } from '../db/schema.js';

export type PhotoRow = typeof requestPhotos.$inferSelect;

const ofRequest = (orgId: string, requestId: string) =>
  and(eq(requestPhotos.orgId, orgId), eq(requestPhotos.requestId, requestId));

export async function insertPhoto(
  tx: MaintenanceTx,
  row: typeof requestPhotos.$inferInsert,
): Promise<PhotoRow> {
  const [created] = await tx.insert(requestPhotos).values(row).returning();
  return created!;
}

export async function countPhotos(tx: MaintenanceTx, orgId: string, requestId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(requestPhotos).where(ofRequest(orgId, requestId));
  return row?.n ?? 0;
}

export async function findPhoto(tx: MaintenanceTx, orgId: string, requestId: string, id: string) {
  const [row] = await tx
    .select()
    .from(requestPhotos)
    .where(and(ofRequest(orgId, requestId), eq(requestPhotos.id, id)));
  return row;
}

export async function markAttached(
  tx: MaintenanceTx,
  orgId: string,
  id: string,
  at: Date,
): Promise<PhotoRow> {
  const [row] = await tx
    .update(requestPhotos)
    .set({ status: 'attached', attachedAt: at })
    .where(and(eq(requestPhotos.orgId, orgId), eq(requestPhotos.id, id)))
    .returning();
  return row!;
}

export async function deletePhoto(tx: MaintenanceTx, orgId: string, id: string): Promise<void> {
  await tx.delete(requestPhotos).where(and(eq(requestPhotos.orgId, orgId), eq(requestPhotos.id, id)));
}

export function listAttachedPhotos(tx: MaintenanceTx, orgId: string, requestId: string): Promise<PhotoRow[]> {
  return tx
    .select()
    .from(requestPhotos)
    .where(and(ofRequest(orgId, requestId), eq(requestPhotos.status, 'attached')))
    .orderBy(asc(requestPhotos.createdAt), asc(requestPhotos.id));
}
