import { conflict } from '@portfolioos/service-kit';

/** Where a lease is in its life. */
export type LeaseStatus =
  'draft' | 'out_for_signature' | 'signed' | 'active' | 'notice_given' | 'ended' | 'cancelled' | 'terminated';

/** What staff can do to a lease. */
export type LeaseAction =
  'send' | 'sign' | 'start' | 'give_notice' | 'end' | 'terminate' | 'cancel' | 'renew';

/**
 * The lifecycle: draft → out_for_signature → signed → active → notice_given → ended; cancelled before
 * signing; terminated early once signed; renewed (a new lease linked to this one) while it binds.
 * `to: null` = the lease keeps its status (renewing creates another lease).
 */
const transitions: Record<LeaseAction, { from: readonly LeaseStatus[]; to: LeaseStatus | null }> = {
  send: { from: ['draft'], to: 'out_for_signature' },
  sign: { from: ['out_for_signature'], to: 'signed' },
  start: { from: ['signed'], to: 'active' },
  give_notice: { from: ['active'], to: 'notice_given' },
  end: { from: ['active', 'notice_given'], to: 'ended' },
  terminate: { from: ['signed', 'active', 'notice_given'], to: 'terminated' },
  cancel: { from: ['draft', 'out_for_signature'], to: 'cancelled' },
  renew: { from: ['signed', 'active', 'notice_given'], to: null },
};

/** Statuses whose dates occupy the unit (a signed lease binds from its start date). */
export const OCCUPYING_STATUSES: readonly LeaseStatus[] = [
  'signed',
  'active',
  'notice_given',
  'ended',
  'terminated',
];

/** The status after `action`, or a 409 `invalid-transition` naming what is allowed. */
export function statusAfter(status: LeaseStatus, action: LeaseAction): LeaseStatus {
  const rule = transitions[action];
  if (!rule.from.includes(status))
    throw conflict(
      `A lease that is ${status} cannot ${action.replace('_', ' ')} (only from ${rule.from.join(', ')}).`,
      'invalid-transition',
    );
  return rule.to ?? status;
}
