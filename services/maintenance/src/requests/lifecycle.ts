import { conflict, forbidden } from '@portfolioos/service-kit';
import type { RequestStatus } from './vocabulary.js';

/** What can be done to a request, and by whom. */
export type RequestAction = 'triage' | 'schedule' | 'start' | 'complete' | 'close' | 'cancel' | 'reopen';

interface Rule {
  from: readonly RequestStatus[];
  to: RequestStatus;
  /** Who may take it: staff (owners, managers) and/or the tenant who filed the request. */
  by: readonly ('staff' | 'tenant')[];
}

/**
 * submitted → triaged → scheduled → in_progress → completed → closed; cancelled before the work starts
 * (by the tenant only while nobody has planned anything yet); reopened by the tenant back to triaged,
 * within the reopen window after completion.
 */
const rules: Record<RequestAction, Rule> = {
  triage: { from: ['submitted'], to: 'triaged', by: ['staff'] },
  schedule: { from: ['triaged'], to: 'scheduled', by: ['staff'] },
  start: { from: ['scheduled'], to: 'in_progress', by: ['staff'] },
  complete: { from: ['in_progress'], to: 'completed', by: ['staff'] },
  close: { from: ['submitted', 'triaged', 'completed'], to: 'closed', by: ['staff'] },
  cancel: { from: ['submitted', 'triaged', 'scheduled'], to: 'cancelled', by: ['staff', 'tenant'] },
  reopen: { from: ['completed', 'closed'], to: 'triaged', by: ['tenant', 'staff'] },
};

const TENANT_CANCELS_FROM: readonly RequestStatus[] = ['submitted', 'triaged'];

/** The status after `action` by `who`, or 403 (not theirs to take) / 409 `invalid-transition`. */
export function statusAfter(
  status: RequestStatus,
  action: RequestAction,
  who: 'staff' | 'tenant',
): RequestStatus {
  const rule = rules[action];
  if (!rule.by.includes(who)) throw forbidden(`Only staff can ${action} a request.`);
  const from = who === 'tenant' && action === 'cancel' ? TENANT_CANCELS_FROM : rule.from;
  if (!from.includes(status))
    throw conflict(
      `A request that is ${status} cannot be ${action === 'reopen' ? 'reopened' : `${action}d`} (only from ${from.join(', ')}).`,
      'invalid-transition',
    );
  return rule.to;
}

/** Whether a request completed at `completedAt` may still be reopened at `now`. */
export function withinReopenWindow(completedAt: Date | null, now: Date, windowDays: number): boolean {
  if (!completedAt) return false;
  return now.getTime() - completedAt.getTime() <= windowDays * 86_400_000;
}
