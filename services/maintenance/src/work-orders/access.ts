import { forbidden, notFound, type Principal } from '@portfolioos/service-kit';
import { actorOf, type Actor } from '../access.js';
import type { MaintenanceTx } from '../db/database.js';
import { vendorIdOfUser } from '../vendors/repository.js';
import { findWorkOrder, type WorkOrderRow } from './repository.js';

/** A caller of the work-order routes: staff, or a vendor portal user with the vendor it acts for. */
export type WorkOrderActor = Actor & { vendorId?: string };

/** Staff or vendors; tenants have no business with work orders. */
export function workOrderActorOf(principal: Principal | null): Actor {
  const actor = actorOf(principal);
  if (actor.kind === 'tenant') throw forbidden();
  return actor;
}

/** The vendor a vendor actor acts for (undefined: linked to none, so it sees nothing). */
export async function withVendor(tx: MaintenanceTx, actor: Actor): Promise<WorkOrderActor> {
  if (actor.kind !== 'vendor') return actor;
  return { ...actor, vendorId: await vendorIdOfUser(tx, actor.orgId, actor.userId) };
}

/** The work order as `actor` may see it: staff all of the organization's, a vendor only its own (else 404). */
export async function visibleWorkOrder(
  tx: MaintenanceTx,
  actor: WorkOrderActor,
  id: string,
  lock = false,
): Promise<WorkOrderRow> {
  const row = await findWorkOrder(tx, actor.orgId, id, lock);
  if (!row || (actor.kind === 'vendor' && row.vendorId !== actor.vendorId)) throw notFound();
  return row;
}

/** Whether `actor` sees the access details (keys, codes): staff and the assigned vendor. */
export const seesAccess = (actor: WorkOrderActor, row: WorkOrderRow) =>
  actor.kind === 'staff' || row.vendorId === actor.vendorId;
