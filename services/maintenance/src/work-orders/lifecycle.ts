import { conflict, forbidden } from '@portfolioos/service-kit';

export const WORK_ORDER_STATUSES = [
  'assigned',
  'accepted',
  'declined',
  'scheduled',
  'in_progress',
  'completed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export type WorkOrderAction = 'accept' | 'decline' | 'schedule' | 'start' | 'complete' | 'cancel';

/**
 * assigned → accepted | declined; accepted → scheduled (rescheduled as often as needed) → in_progress →
 * completed. The vendor moves its own work; staff may (re)schedule and cancel anything not completed.
 * Completed is final for the vendor: nothing it sends changes a completed work order.
 */
const rules: Record<
  WorkOrderAction,
  { from: readonly WorkOrderStatus[]; to: WorkOrderStatus; by: readonly ('staff' | 'vendor')[] }
> = {
  accept: { from: ['assigned'], to: 'accepted', by: ['vendor'] },
  decline: { from: ['assigned'], to: 'declined', by: ['vendor'] },
  schedule: { from: ['accepted', 'scheduled'], to: 'scheduled', by: ['vendor', 'staff'] },
  start: { from: ['accepted', 'scheduled'], to: 'in_progress', by: ['vendor'] },
  complete: { from: ['in_progress'], to: 'completed', by: ['vendor'] },
  cancel: {
    from: ['assigned', 'accepted', 'declined', 'scheduled', 'in_progress'],
    to: 'cancelled',
    by: ['staff'],
  },
};

/** The status after `action` by `who`, or 403 / 409 `invalid-transition`. */
export function workOrderStatusAfter(
  status: WorkOrderStatus,
  action: WorkOrderAction,
  who: 'staff' | 'vendor',
): WorkOrderStatus {
  const rule = rules[action];
  if (!rule.by.includes(who))
    throw forbidden(`A ${who === 'staff' ? 'staff member' : 'vendor'} cannot ${action} a work order.`);
  if (!rule.from.includes(status))
    throw conflict(
      `A work order that is ${status} cannot ${action} (only from ${rule.from.join(', ')}).`,
      'invalid-transition',
    );
  return rule.to;
}
