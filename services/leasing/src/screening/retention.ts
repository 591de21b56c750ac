import { and, eq, lte } from 'drizzle-orm';
import type { BackgroundWorker } from '@portfolioos/service-kit';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { LeasingDb } from '../db/database.js';
import { intervalWorker } from '../interval-worker.js';
import { screeningReportRetention, screeningReports } from '../db/schema.js';
import type { ReportStore } from './report-store.js';

/**
 * Deletes screening reports past their retention: the object, then (acting as the report's
 * organization) its sealed key and storage details, keeping what was decided and when. Each due entry
 * is claimed (one per transaction) with SKIP LOCKED, so replicas sweeping at once never take the same report, and a crash
 * between the delete and the commit only repeats an idempotent delete. Returns how many were purged.
 */
export async function purgeExpiredReports(db: LeasingDb, store: ReportStore, now: Date): Promise<number> {
  let purged = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [due] = await tx
        .select()
        .from(screeningReportRetention)
        .where(lte(screeningReportRetention.expiresAt, now))
        .orderBy(screeningReportRetention.expiresAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return true;
      await actAsOrganization(tx, due.orgId);
      const thisReport = and(eq(screeningReports.orgId, due.orgId), eq(screeningReports.id, due.reportId));
      const [report] = await tx
        .select({ objectKey: screeningReports.objectKey })
        .from(screeningReports)
        .where(thisReport);
      if (report?.objectKey) await store.delete(report.objectKey);
      await tx
        .update(screeningReports)
        .set({ purgedAt: now, objectKey: null, sealedKey: null, iv: null, authTag: null })
        .where(thisReport);
      await tx.delete(screeningReportRetention).where(eq(screeningReportRetention.reportId, due.reportId));
      return false;
    });
    if (done) return purged;
    purged += 1;
  }
}

/** Sweeps for expired screening reports every `intervalMs` (the first sweep right after start). */
export function reportRetentionWorker(options: {
  db: LeasingDb;
  store: ReportStore;
  intervalMs: number;
  logger: { error(obj: object, msg: string): void };
}): BackgroundWorker {
  return intervalWorker({
    name: 'screening report retention',
    intervalMs: options.intervalMs,
    logger: options.logger,
    sweep: () => purgeExpiredReports(options.db, options.store, new Date()),
  });
}
