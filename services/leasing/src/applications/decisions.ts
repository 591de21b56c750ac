import { unprocessable } from '@portfolioos/service-kit';
import { eq, and } from 'drizzle-orm';
import type { LeasingTx } from '../db/database.js';
import { organizations, screeningReports } from '../db/schema.js';
import { localDate } from '@portfolioos/rent';
import { publish } from '../outbox.js';
import { adverseActionNotice } from './adverse-action.js';
import {
  findListing,
  lockOtherOpenApplications,
  updateApplication,
  type ApplicationRow,
  type ApplicantRow,
} from './repository.js';
import type { ApproveBody, DenialReason } from './schemas.js';

/** Who decides, and when. */
export interface Decider {
  tx: LeasingTx;
  orgId: string;
  userId: string;
  now: Date;
}

const head = (a: ApplicationRow, now: Date) => ({
  application_id: a.id,
  organization_id: a.orgId,
  occurred_at: now.getTime(),
  unit_id: a.unitId,
  applicant_id: a.applicantId,
});

/** The agency of a screening report of this application, or a 422 naming the field. */
async function reportingAgency(d: Decider, applicationId: string, reportId: string) {
  const [report] = await d.tx
    .select()
    .from(screeningReports)
    .where(
      and(
        eq(screeningReports.orgId, d.orgId),
        eq(screeningReports.id, reportId),
        eq(screeningReports.applicationId, applicationId),
      ),
    );
  if (!report)
    throw unprocessable('No such screening report of this application.', 'unknown-screening-report', [
      { in: 'body', field: 'screening_report_id', message: 'not a report of this application' },
    ]);
  return { name: report.agencyName, address: report.agencyAddress, phone: report.agencyPhone };
}

/** Declines an application, with the adverse-action notice when a screening report drove it. */
export async function decline(
  d: Decider,
  application: ApplicationRow,
  applicant: ApplicantRow,
  body: { reason: DenialReason; notes?: string; screening_report_id?: string },
): Promise<ApplicationRow> {
  let notice: string | null = null;
  let agencyName: string | null = null;
  if (body.screening_report_id) {
    const agency = await reportingAgency(d, application.id, body.screening_report_id);
    const [org] = await d.tx.select().from(organizations).where(eq(organizations.id, d.orgId));
    const listing = await findListing(d.tx, d.orgId, application.listingId);
    agencyName = agency.name;
    notice = adverseActionNotice({
      applicantName: applicant.fullName,
      organizationName: org?.name ?? null,
      listingTitle: listing?.title ?? null,
      agency,
      decidedOn: localDate(d.now, org?.timeZone ?? 'UTC'),
    });
  }
  const row = await updateApplication(d.tx, d.orgId, application.id, {
    status: 'denied',
    decisionReason: body.reason,
    decisionNotes: body.notes ?? null,
    conditions: null,
    adverseActionNotice: notice,
    decidedByUserId: d.userId,
    decidedAt: d.now,
  });
  await publish(d.tx, 'portfolioos.leasing.ApplicationDenied', row.id, {
    ...head(row, d.now),
    applicant_email: applicant.email,
    decided_by_user_id: d.userId,
    reason: body.reason.toUpperCase() as Uppercase<DenialReason>,
    screening_provider: agencyName,
    adverse_action_notice: notice,
  });
  return row;
}

/**
 * Approves an application; with `decline_other_applications` the unit's other open applications are
 * declined (unit no longer available) in the same transaction.
 */
export async function approve(
  d: Decider,
  application: ApplicationRow,
  applicant: ApplicantRow,
  body: ApproveBody,
  applicantOf: (row: ApplicationRow) => Promise<ApplicantRow>,
): Promise<ApplicationRow> {
  const row = await updateApplication(d.tx, d.orgId, application.id, {
    status: 'approved',
    decisionReason: null,
    decisionNotes: null,
    conditions: body.conditions ?? null,
    adverseActionNotice: null,
    decidedByUserId: d.userId,
    decidedAt: d.now,
  });
  await publish(d.tx, 'portfolioos.leasing.ApplicationApproved', row.id, {
    ...head(row, d.now),
    applicant_email: applicant.email,
    decided_by_user_id: d.userId,
    conditions: row.conditions,
  });
  if (body.decline_other_applications)
    for (const other of await lockOtherOpenApplications(d.tx, d.orgId, row.unitId, row.id))
      await decline(d, other, await applicantOf(other), { reason: 'unit_no_longer_available' });
  return row;
}
