import type {
  WorkOrderAssigned,
  WorkOrderCancelled,
  WorkOrderCompleted,
  WorkOrderCreated,
  WorkOrderScheduled,
} from '@portfolioos/schemas';
import { avroCategory, avroPriority } from '../requests/mapping.js';
import type { Category, Priority } from '../requests/vocabulary.js';
import type { WorkOrderStatus } from './lifecycle.js';
import type { WorkOrderRow } from './repository.js';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** A work order as a caller sees it; access details only for the assigned vendor and staff. */
export const workOrderToJson = (row: WorkOrderRow, showAccess: boolean) => ({
  id: row.id,
  request_id: row.requestId,
  property_id: row.propertyId,
  unit_id: row.unitId,
  vendor_id: row.vendorId,
  category: row.category as Category,
  priority: row.priority as Priority,
  title: row.title,
  instructions: row.instructions,
  ...(showAccess ? { access_details: row.accessDetails } : {}),
  window_start: iso(row.windowStart),
  window_end: iso(row.windowEnd),
  not_to_exceed_minor: row.notToExceedMinor,
  currency: row.currency,
  status: row.status as WorkOrderStatus,
  vendor_notes: row.vendorNotes,
  labor_minutes: row.laborMinutes,
  labor_cost_minor: row.laborCostMinor,
  materials: row.materials,
  invoice_amount_minor: row.invoiceAmountMinor,
  cost_approval: row.costApproval as 'approved' | 'pending' | null,
  cost_approved_at: iso(row.costApprovedAt),
  completed_at: iso(row.completedAt),
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

const where = (row: WorkOrderRow) => ({
  work_order_id: row.id,
  organization_id: row.orgId,
  property_id: row.propertyId,
  unit_id: row.unitId,
});

export const createdEvent = (row: WorkOrderRow): WorkOrderCreated => ({
  ...where(row),
  occurred_at: row.createdAt.getTime(),
  request_id: row.requestId,
  category: avroCategory[row.category as Category],
  priority: avroPriority[row.priority as Priority],
  title: row.title,
  description: row.instructions,
  created_by_user_id: row.createdByUserId,
  not_to_exceed_minor: row.notToExceedMinor,
  currency: row.currency,
});

export const assignedEvent = (
  row: WorkOrderRow,
  vendor: { name: string; userId: string | null },
): WorkOrderAssigned => ({
  ...where(row),
  occurred_at: row.createdAt.getTime(),
  vendor_id: row.vendorId,
  vendor_name: vendor.name,
  vendor_user_id: vendor.userId,
  assigned_by_user_id: row.createdByUserId,
});

export const scheduledEvent = (row: WorkOrderRow): WorkOrderScheduled => ({
  ...where(row),
  occurred_at: row.updatedAt.getTime(),
  vendor_id: row.vendorId,
  scheduled_start: row.windowStart!.getTime(),
  scheduled_end: row.windowEnd ? row.windowEnd.getTime() : null,
});

export const cancelledEvent = (row: WorkOrderRow, by: string | null): WorkOrderCancelled => ({
  ...where(row),
  occurred_at: row.updatedAt.getTime(),
  vendor_id: row.vendorId,
  reason: row.vendorNotes,
  cancelled_by_user_id: by,
});

/** The approved cost, which payments books as the property's expense (a vendor bill). */
export const completedEvent = (row: WorkOrderRow): WorkOrderCompleted => {
  const materials = (row.materials ?? []).reduce((sum, m) => sum + m.cost_minor, 0);
  return {
    ...where(row),
    occurred_at: (row.costApprovedAt ?? row.updatedAt).getTime(),
    vendor_id: row.vendorId,
    category: avroCategory[row.category as Category],
    labor_cost_minor: row.laborCostMinor ?? 0,
    materials_cost_minor: materials,
    currency: row.currency,
    bill_to: 'OWNER',
    lease_id: null,
    resolution_notes: row.vendorNotes,
  };
};
