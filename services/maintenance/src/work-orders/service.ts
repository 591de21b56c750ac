import { forbidden, unprocessable, type Principal } from '@portfolioos/service-kit';
import { inActorOrg } from '../access.js';
import type { MaintenanceDb, MaintenanceTx } from '../db/database.js';
import type { CursorPosition } from '../http-schemas.js';
import { publish } from '../outbox.js';
import { locateRequest } from '../requests/filing.js';
import { findRequest } from '../requests/repository.js';
import { findVendor } from '../vendors/repository.js';
import { visibleWorkOrder, withVendor, workOrderActorOf, type WorkOrderActor } from './access.js';
import { assignedEvent, createdEvent, scheduledEvent } from './mapping.js';
import { insertWorkOrder, listWorkOrders, type NewWorkOrder, type WorkOrderRow } from './repository.js';
import type { WorkOrderBody } from './schemas.js';

/** A window must end after it starts. */
export function checkWindow(start: string | undefined, end: string | undefined): void {
  if (start && end && Date.parse(end) <= Date.parse(start))
    throw unprocessable('The time window must end after it starts.', 'window-order');
  if (end && !start) throw unprocessable('A window needs its start.', 'window-order');
}

/** What a work order is about: its request's place and trade, or the ones given for standalone work. */
async function scopeOf(tx: MaintenanceTx, actor: WorkOrderActor, body: WorkOrderBody, now: Date) {
  if (body.request_id) {
    const request = await findRequest(tx, actor.orgId, body.request_id);
    if (!request) throw unprocessable('There is no such request.', 'unknown-request');
    return {
      requestId: request.id,
      propertyId: request.propertyId,
      unitId: request.unitId,
      category: body.category ?? request.category,
      priority: body.priority ?? request.priority,
    };
  }
  if (!body.category || !body.priority)
    throw unprocessable('Standalone work needs its category and priority.', 'category-required');
  const { propertyId, unitId } = await locateRequest(tx, actor, body, now);
  return { requestId: null, propertyId, unitId, category: body.category, priority: body.priority };
}

/** Opening and reading work orders; every change is an event in the same transaction. */
export class WorkOrderService {
  constructor(
    private readonly db: MaintenanceDb,
    private readonly now: () => Date,
  ) {}

  create(principal: Principal | null, body: WorkOrderBody): Promise<WorkOrderRow> {
    const actor = workOrderActorOf(principal);
    if (actor.kind !== 'staff' || !actor.canWrite || !actor.userId) throw forbidden();
    const createdBy = actor.userId;
    checkWindow(body.window_start, body.window_end);
    return inActorOrg(this.db, actor, async (tx, orgId) => {
      const scope = await scopeOf(tx, actor, body, this.now());
      const vendor = await findVendor(tx, orgId, body.vendor_id);
      if (!vendor) throw unprocessable('There is no such vendor.', 'unknown-vendor');
      const row = await insertWorkOrder(tx, {
        orgId,
        ...scope,
        vendorId: vendor.id,
        title: body.title,
        instructions: body.instructions,
        accessDetails: body.access_details ?? null,
        windowStart: body.window_start ? new Date(body.window_start) : null,
        windowEnd: body.window_end ? new Date(body.window_end) : null,
        notToExceedMinor: body.not_to_exceed_minor ?? null,
        currency: body.currency,
        createdByUserId: createdBy,
      } satisfies NewWorkOrder);
      await publish(tx, 'portfolioos.maintenance.WorkOrderCreated', row.id, createdEvent(row));
      const vendorUser = { name: vendor.name, userId: vendor.portalUserIds[0] ?? null };
      await publish(tx, 'portfolioos.maintenance.WorkOrderAssigned', row.id, assignedEvent(row, vendorUser));
      if (row.windowStart)
        await publish(tx, 'portfolioos.maintenance.WorkOrderScheduled', row.id, scheduledEvent(row));
      return row;
    });
  }

  get(principal: Principal | null, id: string): Promise<{ row: WorkOrderRow; actor: WorkOrderActor }> {
    const caller = workOrderActorOf(principal);
    return inActorOrg(this.db, caller, async (tx) => {
      const actor = await withVendor(tx, caller);
      return { row: await visibleWorkOrder(tx, actor, id), actor };
    });
  }

  list(
    principal: Principal | null,
    filter: { status?: string; requestId?: string },
    limit: number,
    after?: CursorPosition,
  ): Promise<{ rows: WorkOrderRow[]; actor: WorkOrderActor }> {
    const caller = workOrderActorOf(principal);
    return inActorOrg(this.db, caller, async (tx, orgId) => {
      const actor = await withVendor(tx, caller);
      if (actor.kind === 'vendor' && !actor.vendorId) return { rows: [], actor };
      const rows = await listWorkOrders(tx, orgId, { ...filter, vendorId: actor.vendorId }, limit, after);
      return { rows, actor };
    });
  }
}
