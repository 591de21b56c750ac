import type {
  MaintenanceCategory,
  MaintenancePriority,
  MaintenanceRequestClosed,
  MaintenanceRequestStatusChanged,
  MaintenanceRequestSubmitted,
  RequestResolution,
} from '@portfolioos/schemas';
import type { RequestRow } from './repository.js';
import type { Category, Priority, RequestStatus, Resolution } from './vocabulary.js';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export const requestToJson = (row: RequestRow) => ({
  id: row.id,
  property_id: row.propertyId,
  unit_id: row.unitId,
  lease_id: row.leaseId,
  submitted_by_user_id: row.submittedByUserId,
  submitted_as: row.submittedAs as 'tenant' | 'staff',
  category: row.category as Category,
  priority: row.priority as Priority,
  title: row.title,
  description: row.description,
  permission_to_enter: row.permissionToEnter,
  availability: row.availability,
  status: row.status as RequestStatus,
  status_note: row.statusNote,
  sla_due_at: row.slaDueAt.toISOString(),
  sla_breached_at: iso(row.slaBreachedAt),
  completed_at: iso(row.completedAt),
  closed_at: iso(row.closedAt),
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** The event enums (shared with work orders): this service's words in the catalog's symbols. */
export const avroCategory: Record<Category, MaintenanceCategory> = {
  plumbing: 'PLUMBING',
  electrical: 'ELECTRICAL',
  hvac: 'HVAC',
  appliance: 'APPLIANCE',
  pest: 'PEST_CONTROL',
  locks: 'LOCKS_AND_KEYS',
  other: 'OTHER',
};
export const avroPriority: Record<Priority, MaintenancePriority> = {
  emergency: 'EMERGENCY',
  urgent: 'HIGH',
  routine: 'NORMAL',
};
const avroResolution: Record<Resolution, RequestResolution> = {
  resolved: 'RESOLVED',
  declined: 'DECLINED',
  duplicate: 'DUPLICATE',
  withdrawn: 'WITHDRAWN',
  other: 'OTHER',
};

const where = (row: RequestRow) => ({
  request_id: row.id,
  organization_id: row.orgId,
  property_id: row.propertyId,
  unit_id: row.unitId,
});

export const submittedEvent = (row: RequestRow): MaintenanceRequestSubmitted => ({
  ...where(row),
  occurred_at: row.createdAt.getTime(),
  lease_id: row.leaseId,
  submitted_by_user_id: row.submittedByUserId,
  category: avroCategory[row.category as Category],
  priority: avroPriority[row.priority as Priority],
  title: row.title,
  description: row.description,
  permission_to_enter: row.permissionToEnter,
  photo_count: 0,
});

export const statusChangedEvent = (
  row: RequestRow,
  from: string,
  changedBy: string | null,
): MaintenanceRequestStatusChanged => ({
  ...where(row),
  occurred_at: row.updatedAt.getTime(),
  submitted_by_user_id: row.submittedByUserId,
  from_status: from,
  to_status: row.status,
  changed_by_user_id: changedBy,
  note: row.statusNote,
});

export const closedEvent = (
  row: RequestRow,
  resolution: Resolution,
  closedBy: string | null,
): MaintenanceRequestClosed => ({
  ...where(row),
  occurred_at: row.updatedAt.getTime(),
  submitted_by_user_id: row.submittedByUserId,
  resolution: avroResolution[resolution],
  note: row.statusNote,
  closed_by_user_id: closedBy,
});
