import { conflict, forbidden, unprocessable, type Principal } from '@portfolioos/service-kit';
import { inActorOrg } from '../access.js';
import type { MaintenanceDb } from '../db/database.js';
import { publish } from '../outbox.js';
import { visibleWorkOrder, withVendor, workOrderActorOf, type WorkOrderActor } from './access.js';
import { workOrderStatusAfter, type WorkOrderAction, type WorkOrderStatus } from './lifecycle.js';
import { cancelledEvent, completedEvent, scheduledEvent } from './mapping.js';
import { updateWorkOrder, type NewWorkOrder, type WorkOrderRow } from './repository.js';
import type { CompletionBody, NotesBody, ScheduleBody } from './schemas.js';
import { checkWindow } from './service.js';

/** What an update carries besides the work order. */
export type WorkOrderUpdate =
  | { action: 'accept' | 'decline' | 'start' | 'cancel'; body: NotesBody }
  | { action: 'schedule'; body: ScheduleBody }
  | { action: 'complete'; body: CompletionBody };

/** The columns a completion sets; an invoice over the not-to-exceed waits for staff approval. */
function completion(row: WorkOrderRow, body: CompletionBody, now: Date): Partial<NewWorkOrder> {
  const materials = body.materials.reduce((sum, m) => sum + m.cost_minor, 0);
  if (body.invoice_amount_minor !== body.labor_cost_minor + materials)
    throw unprocessable('The invoice must equal labor plus materials.', 'invoice-total');
  const withinLimit = row.notToExceedMinor === null || body.invoice_amount_minor <= row.notToExceedMinor;
  return {
    vendorNotes: body.notes,
    laborMinutes: body.labor_minutes,
    laborCostMinor: body.labor_cost_minor,
    materials: body.materials,
    invoiceAmountMinor: body.invoice_amount_minor,
    completedAt: now,
    costApproval: withinLimit ? 'approved' : 'pending',
    costApprovedAt: withinLimit ? now : null,
  };
}

/** The vendor moving its work along (lifecycle.ts), staff scheduling, cancelling and approving costs. */
export class WorkOrderUpdates {
  constructor(
    private readonly db: MaintenanceDb,
    private readonly now: () => Date,
  ) {}

  apply(principal: Principal | null, id: string, update: WorkOrderUpdate) {
    const base = workOrderActorOf(principal);
    if (base.kind === 'staff' && !base.canWrite) throw forbidden();
    if (update.action === 'schedule') checkWindow(update.body.window_start, update.body.window_end);
    return inActorOrg(this.db, base, async (tx, orgId) => {
      const actor = await withVendor(tx, base);
      const row = await visibleWorkOrder(tx, actor, id, true);
      const to = workOrderStatusAfter(
        row.status as WorkOrderStatus,
        update.action,
        actor.kind === 'vendor' ? 'vendor' : 'staff',
      );
      const now = this.now();
      const changes: Partial<NewWorkOrder> = { status: to };
      if (update.action === 'complete') Object.assign(changes, completion(row, update.body, now));
      else if (update.body.notes) changes.vendorNotes = update.body.notes;
      if (update.action === 'schedule')
        Object.assign(changes, {
          windowStart: new Date(update.body.window_start),
          windowEnd: update.body.window_end ? new Date(update.body.window_end) : null,
        });
      const updated = await updateWorkOrder(tx, orgId, id, changes);
      await this.announce(tx, updated, update.action, actor);
      return { row: updated, actor };
    });
  }

  /** Staff accept a cost above the not-to-exceed: the completion is approved and goes to the books. */
  approveCost(principal: Principal | null, id: string) {
    const actor: WorkOrderActor = workOrderActorOf(principal);
    if (actor.kind !== 'staff' || !actor.canWrite) throw forbidden('Staff approve costs.');
    return inActorOrg(this.db, actor, async (tx, orgId) => {
      const row = await visibleWorkOrder(tx, actor, id, true);
      if (row.status !== 'completed' || row.costApproval !== 'pending')
        throw conflict('Only a completion over its not-to-exceed waits for approval.', 'nothing-to-approve');
      const updated = await updateWorkOrder(tx, orgId, id, {
        costApproval: 'approved',
        costApprovedAt: this.now(),
        costApprovedByUserId: actor.userId,
      });
      await publish(tx, 'portfolioos.maintenance.WorkOrderCompleted', id, completedEvent(updated));
      return { row: updated, actor };
    });
  }

  private async announce(
    tx: Parameters<typeof publish>[0],
    row: WorkOrderRow,
    action: WorkOrderAction,
    actor: WorkOrderActor,
  ) {
    if (action === 'schedule')
      await publish(tx, 'portfolioos.maintenance.WorkOrderScheduled', row.id, scheduledEvent(row));
    if (action === 'cancel')
      await publish(
        tx,
        'portfolioos.maintenance.WorkOrderCancelled',
        row.id,
        cancelledEvent(row, actor.userId),
      );
    if (action === 'complete' && row.costApproval === 'approved')
      await publish(tx, 'portfolioos.maintenance.WorkOrderCompleted', row.id, completedEvent(row));
  }
}
