import type { Category, Channel } from './channels.js';

/** One line of the routing design: event → audience → template, wired or waiting for its producer. */
export interface RoutingLine {
  event: string;
  audience: string;
  template: string;
  category: Category;
  channels: readonly Channel[];
  /** Wired lines are in WIRED_ROUTES; the others wait for their producer (or for the reminders). */
  wired: boolean;
}

const all: readonly Channel[] = ['email', 'sms', 'in_app'];
const mailAndApp: readonly Channel[] = ['email', 'in_app'];
const line = (
  event: string,
  audience: string,
  template: string,
  category: Category,
  channels: readonly Channel[],
  wired = false,
): RoutingLine => ({ event, audience, template, category, channels, wired });

/**
 * Every event a person should hear about (issue #15), with who hears and how. `reminder:` lines are
 * scheduled by this service from its own projections, not consumed. A test checks that the wired lines
 * and WIRED_ROUTES agree.
 */
export const ROUTING_TABLE: readonly RoutingLine[] = [
  line(
    'portfolioos.identity.InvitationCreated',
    'the invitee',
    'invitation.created',
    'security',
    ['email'],
    true,
  ),
  line(
    'portfolioos.leasing.ApplicationSubmitted',
    'staff (owner, manager)',
    'application.received',
    'leasing',
    mailAndApp,
  ),
  line('portfolioos.leasing.ApplicationApproved', 'the applicant', 'application.decided', 'leasing', all),
  line('portfolioos.leasing.ApplicationDenied', 'the applicant', 'application.decided', 'legal', mailAndApp),
  line(
    'portfolioos.leasing.LeaseOutForSignature',
    'the signers',
    'lease.out-for-signature',
    'legal',
    all,
    true,
  ),
  line('portfolioos.leasing.LeaseSigned', 'the parties', 'lease.signed', 'legal', mailAndApp, true),
  line(
    'portfolioos.leasing.LeaseSigned',
    'staff (owner, manager)',
    'lease.signed',
    'leasing',
    mailAndApp,
    true,
  ),
  line('reminder:lease-renewal-due', 'the parties and staff', 'lease.renewal-due', 'leasing', mailAndApp),
  line('reminder:lease-ending', 'the parties (90/60/30 days)', 'lease.ending', 'leasing', all),
  line('portfolioos.payments.ChargePosted', 'the lease parties', 'charge.posted', 'payments', mailAndApp),
  line('reminder:rent-due-soon', 'the lease parties', 'rent.due-soon', 'payments', all),
  line('reminder:rent-late', 'the lease parties; staff', 'rent.late', 'payments', all),
  line('portfolioos.payments.PaymentSucceeded', 'the payer', 'payment.received', 'payments', mailAndApp),
  line('portfolioos.payments.PaymentFailed', 'the payer; staff', 'payment.failed', 'payments', all),
  line('reminder:autopay-upcoming', 'the payer', 'autopay.upcoming', 'payments', mailAndApp),
  line('payments:AutopayFailed (no schema yet)', 'the payer; staff', 'autopay.failed', 'payments', all),
  line(
    'portfolioos.maintenance.MaintenanceRequestSubmitted',
    'staff (owner, manager)',
    'maintenance.request-received',
    'maintenance',
    mailAndApp,
  ),
  line(
    'portfolioos.maintenance.MaintenanceRequestClosed',
    'the requester',
    'maintenance.request-updated',
    'maintenance',
    all,
  ),
  line('portfolioos.maintenance.WorkOrderAssigned', 'the vendor', 'work-order.assigned', 'maintenance', all),
  line(
    'portfolioos.maintenance.WorkOrderScheduled',
    'the requester; the vendor',
    'work-order.updated',
    'maintenance',
    all,
  ),
  line(
    'maintenance:SlaBreached (no schema yet)',
    'staff (owner, manager)',
    'maintenance.sla-breached',
    'maintenance',
    all,
  ),
  line(
    'reminder:recurring-maintenance-due',
    'staff (owner, manager)',
    'maintenance.recurring-due',
    'maintenance',
    mailAndApp,
  ),
  line(
    'reminder:vendor-insurance-expiring',
    'staff; the vendor',
    'vendor.insurance-expiring',
    'maintenance',
    mailAndApp,
  ),
  line(
    'leasing:ScreeningCompleted (no schema yet)',
    'staff (owner, manager)',
    'screening.complete',
    'leasing',
    mailAndApp,
  ),
];
