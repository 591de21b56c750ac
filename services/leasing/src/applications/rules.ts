import { conflict } from '@portfolioos/service-kit';

/** Where an application is: open (submitted, info_requested) until decided or withdrawn. */
export type ApplicationStatus = 'submitted' | 'info_requested' | 'approved' | 'denied' | 'withdrawn';
export type ApplicationAction = 'revise' | 'request_info' | 'approve' | 'decline' | 'withdraw';

const allowedFrom: Record<ApplicationAction, readonly ApplicationStatus[]> = {
  revise: ['submitted', 'info_requested'],
  request_info: ['submitted', 'info_requested'],
  approve: ['submitted', 'info_requested'],
  decline: ['submitted', 'info_requested', 'approved'],
  // An approved applicant may still walk away before a lease is signed.
  withdraw: ['submitted', 'info_requested', 'approved'],
};

const described: Record<ApplicationAction, string> = {
  revise: 'be changed',
  request_info: 'get a request for information',
  approve: 'be approved',
  decline: 'be declined',
  withdraw: 'be withdrawn',
};

/** Refuses (409 invalid-transition) an action the application's status does not allow. */
export function assertMay(status: string, action: ApplicationAction): void {
  if (!allowedFrom[action].includes(status as ApplicationStatus))
    throw conflict(
      `An application that is ${status} cannot ${described[action]}` +
        ` (only when ${allowedFrom[action].join(', ')}).`,
      'invalid-transition',
    );
}
