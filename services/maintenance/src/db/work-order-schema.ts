import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { at, createdAt, generatedId, minor, updatedAt } from './columns.js';

/** A material the vendor used, with its cost in the work order's currency. */
export interface MaterialLine {
  description: string;
  cost_minor: number;
}

/**
 * Jobs for a vendor, from a request or standalone. `access_details` (keys, alarm codes) are released only
 * to the assigned vendor. A completion whose invoice exceeds `not_to_exceed_minor` waits for staff
 * (`cost_approval` pending); one within it is approved as it is completed.
 */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().default(generatedId()),
    orgId: uuid('org_id').notNull(),
    requestId: uuid('request_id'),
    propertyId: uuid('property_id').notNull(),
    unitId: uuid('unit_id'),
    vendorId: uuid('vendor_id').notNull(),
    category: text('category').notNull(),
    priority: text('priority').notNull(),
    title: text('title').notNull(),
    instructions: text('instructions').notNull(),
    accessDetails: text('access_details'),
    windowStart: at('window_start'),
    windowEnd: at('window_end'),
    notToExceedMinor: minor('not_to_exceed_minor'),
    currency: text('currency').notNull(),
    status: text('status').notNull().default('assigned'),
    vendorNotes: text('vendor_notes'),
    laborMinutes: integer('labor_minutes'),
    laborCostMinor: minor('labor_cost_minor'),
    materials: jsonb('materials').$type<MaterialLine[]>(),
    invoiceAmountMinor: minor('invoice_amount_minor'),
    /** null until completed; then `approved` or `pending` (over the not-to-exceed). */
    costApproval: text('cost_approval'),
    costApprovedAt: at('cost_approved_at'),
    costApprovedByUserId: uuid('cost_approved_by_user_id'),
    completedAt: at('completed_at'),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('work_orders_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('work_orders_vendor_idx').on(t.orgId, t.vendorId),
    orgIsolationPolicy(),
  ],
);
