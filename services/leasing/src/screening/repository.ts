import { and, asc, eq } from 'drizzle-orm';
import type { LeasingTx } from '../db/database.js';
import { screeningReportReads, screeningReportRetention, screeningReports } from '../db/schema.js';

export type ScreeningReportRow = typeof screeningReports.$inferSelect;
export type NewScreeningReport = typeof screeningReports.$inferInsert;
export type ReportReadRow = typeof screeningReportReads.$inferSelect;

/** Stores a report's row and its place in the retention queue, in the caller's transaction. */
export async function insertReport(tx: LeasingTx, row: NewScreeningReport): Promise<ScreeningReportRow> {
  const [created] = await tx.insert(screeningReports).values(row).returning();
  await tx
    .insert(screeningReportRetention)
    .values({ reportId: created!.id, orgId: created!.orgId, expiresAt: created!.expiresAt });
  return created!;
}

export function reportsOfApplication(
  tx: LeasingTx,
  orgId: string,
  applicationId: string,
): Promise<ScreeningReportRow[]> {
  return tx
    .select()
    .from(screeningReports)
    .where(and(eq(screeningReports.orgId, orgId), eq(screeningReports.applicationId, applicationId)))
    .orderBy(asc(screeningReports.createdAt), asc(screeningReports.id));
}

export async function findReport(
  tx: LeasingTx,
  orgId: string,
  applicationId: string,
  id: string,
): Promise<ScreeningReportRow | undefined> {
  const [row] = await tx
    .select()
    .from(screeningReports)
    .where(
      and(
        eq(screeningReports.orgId, orgId),
        eq(screeningReports.applicationId, applicationId),
        eq(screeningReports.id, id),
      ),
    );
  return row;
}

/** Who read what and from where: one row per read, never changed. */
export interface ReportRead {
  orgId: string;
  reportId: string;
  userId: string;
  part: 'report' | 'content';
  requestId: string | null;
  ip: string | null;
}

export async function recordReads(tx: LeasingTx, reads: ReportRead[]): Promise<void> {
  if (reads.length > 0) await tx.insert(screeningReportReads).values(reads);
}

export function readsOfReport(tx: LeasingTx, orgId: string, reportId: string): Promise<ReportReadRow[]> {
  return tx
    .select()
    .from(screeningReportReads)
    .where(and(eq(screeningReportReads.orgId, orgId), eq(screeningReportReads.reportId, reportId)))
    .orderBy(asc(screeningReportReads.readAt), asc(screeningReportReads.id));
}
