import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { at, createdAt, generatedId, updatedAt } from './columns.js';

/** A window the tenant is available in (UTC instants). */
export interface AvailabilityWindow {
  starts_at: string;
  ends_at: string;
}

/**
 * Maintenance requests of a unit (or a property's common area when unit_id is null). `sla_due_at` is fixed
 * when filed (the org's SLA for its priority); `sla_breached_at` is set once, by the breach detector.
 */
export const maintenanceRequests = pgTable(
  'maintenance_requests',
  {
    id: uuid('id').primaryKey().default(generatedId()),
    orgId: uuid('org_id').notNull(),
    propertyId: uuid('property_id').notNull(),
    unitId: uuid('unit_id'),
    /** The tenancy a tenant filed under (null when staff filed it). */
    leaseId: uuid('lease_id'),
    submittedByUserId: uuid('submitted_by_user_id').notNull(),
    /** Who filed it: `tenant` (renter portal) or `staff`. */
    submittedAs: text('submitted_as').notNull(),
    category: text('category').notNull(),
    priority: text('priority').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    permissionToEnter: boolean('permission_to_enter').notNull(),
    availability: jsonb('availability').$type<AvailabilityWindow[]>().notNull(),
    status: text('status').notNull().default('submitted'),
    statusNote: text('status_note'),
    completedAt: at('completed_at'),
    closedAt: at('closed_at'),
    slaDueAt: at('sla_due_at').notNull(),
    slaBreachedAt: at('sla_breached_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('requests_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('requests_submitter_idx').on(t.orgId, t.submittedByUserId),
    orgIsolationPolicy(),
  ],
);

/** The thread of a request; `internal` notes are for staff only and never reach a tenant. */
export const requestComments = pgTable(
  'request_comments',
  {
    id: uuid('id').primaryKey().default(generatedId()),
    orgId: uuid('org_id').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => maintenanceRequests.id),
    authorUserId: uuid('author_user_id').notNull(),
    authorRole: text('author_role').notNull(),
    body: text('body').notNull(),
    internal: boolean('internal').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('request_comments_request_idx').on(t.orgId, t.requestId, t.createdAt), orgIsolationPolicy()],
);

/**
 * Photos of a request in object storage. `pending` from presigning until the upload is verified (size,
 * SHA-256 and magic bytes); only `attached` photos are shown or counted.
 */
export const requestPhotos = pgTable(
  'request_photos',
  {
    id: uuid('id').primaryKey().default(generatedId()),
    orgId: uuid('org_id').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => maintenanceRequests.id),
    objectKey: text('object_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    status: text('status').notNull().default('pending'),
    uploadedByUserId: uuid('uploaded_by_user_id').notNull(),
    attachedAt: at('attached_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('request_photos_request_idx').on(t.orgId, t.requestId),
    uniqueIndex('request_photos_key_idx').on(t.objectKey),
    orgIsolationPolicy(),
  ],
);

/** Per-organization SLA hours by priority; a missing row means the default (see sla/policy.ts). */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    orgId: uuid('org_id').primaryKey(),
    emergencyHours: integer('emergency_hours').notNull(),
    urgentHours: integer('urgent_hours').notNull(),
    routineHours: integer('routine_hours').notNull(),
    updatedAt: updatedAt(),
  },
  () => [orgIsolationPolicy()],
);
