import { randomUUID } from 'node:crypto';
import { notFound, ProblemError, unprocessable, type Principal } from '@portfolioos/service-kit';
import { inCallerOrg, userIdOf } from '../access.js';
import { lockApplication } from '../applications/repository.js';
import type { LeasingDb, LeasingTx } from '../db/database.js';
import type { ReportEncryption } from './envelope-encryption.js';
import type { ScreeningResult } from './provider.js';
import { screeningReportsPurpose, type ReportStore } from './report-store.js';
import {
  findReport,
  insertReport,
  readsOfReport,
  recordReads,
  reportsOfApplication,
  type ReportRead,
  type ReportReadRow,
  type ScreeningReportRow,
} from './repository.js';

/** Where a read came from, for the audit trail. */
export interface ReadContext {
  requestId: string | null;
  ip: string | null;
}

export interface ScreeningSettings {
  store: ReportStore;
  encryption: ReportEncryption;
  retentionDays: number;
  now: () => Date;
}

const DAY_MS = 86_400_000;

/**
 * Screening reports of applications: stored sealed (envelope encryption) in object storage, read only
 * by owners and managers (the routes say so), every read recorded before it is answered.
 */
export class ScreeningService {
  constructor(
    private readonly db: LeasingDb,
    private readonly settings: ScreeningSettings,
  ) {}

  /** Records a provider's result; the report's ciphertext is stored before its row is committed. */
  record(principal: Principal | null, applicationId: string, result: ScreeningResult) {
    const userId = userIdOf(principal);
    if (result.report.bytes.length === 0 || result.report.bytes.length > screeningReportsPurpose.maxBytes)
      throw unprocessable('The report document is empty or too large.', 'invalid-report', [
        {
          in: 'body',
          field: 'report.data_base64',
          message: `1 to ${screeningReportsPurpose.maxBytes} bytes`,
        },
      ]);
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const application = await lockApplication(tx, orgId, applicationId);
      if (!application) throw notFound();
      const id = randomUUID();
      const objectKey = `${orgId}/${applicationId}/${id}`;
      const sealed = this.settings.encryption.seal(id, result.report.bytes);
      await this.settings.store.put(objectKey, sealed.ciphertext);
      const now = this.settings.now();
      try {
        return await insertReport(tx, {
          id,
          orgId,
          applicationId,
          provider: result.provider,
          agencyName: result.agency.name,
          agencyAddress: result.agency.address,
          agencyPhone: result.agency.phone,
          result: result.result,
          summary: result.summary,
          contentType: result.report.contentType,
          sizeBytes: result.report.bytes.length,
          objectKey,
          kekId: sealed.kekId,
          sealedKey: sealed.sealedKey,
          iv: sealed.iv,
          authTag: sealed.authTag,
          recordedByUserId: userId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + this.settings.retentionDays * DAY_MS),
        });
      } catch (error) {
        await this.settings.store.delete(objectKey).catch(() => undefined);
        throw error;
      }
    });
  }

  /** The reports of an application (result, agency); each one listed is a recorded read. */
  list(principal: Principal | null, applicationId: string, ctx: ReadContext): Promise<ScreeningReportRow[]> {
    return this.reading(
      principal,
      async (tx, orgId, read) => {
        const rows = await reportsOfApplication(tx, orgId, applicationId);
        await recordReads(
          tx,
          rows.map((r) => read(r.id, 'report')),
        );
        return rows;
      },
      ctx,
    );
  }

  /** The decrypted report document; 410 once retention deleted it. */
  content(principal: Principal | null, applicationId: string, reportId: string, ctx: ReadContext) {
    return this.reading(
      principal,
      async (tx, orgId, read) => {
        const row = await findReport(tx, orgId, applicationId, reportId);
        if (!row) throw notFound();
        if (row.purgedAt || !row.objectKey || !row.sealedKey || !row.iv || !row.authTag || !row.kekId)
          throw new ProblemError({
            status: 410,
            slug: 'report-purged',
            title: 'Gone',
            detail: `This report was deleted on ${row.purgedAt?.toISOString() ?? 'expiry'} (retention period).`,
          });
        await recordReads(tx, [read(row.id, 'content')]);
        const bytes = this.settings.encryption.open(row.id, {
          ciphertext: await this.settings.store.get(row.objectKey),
          iv: row.iv,
          authTag: row.authTag,
          sealedKey: row.sealedKey,
          kekId: row.kekId,
        });
        return { contentType: row.contentType ?? 'application/octet-stream', bytes };
      },
      ctx,
    );
  }

  /** The audit trail of one report. */
  reads(principal: Principal | null, applicationId: string, reportId: string): Promise<ReportReadRow[]> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      if (!(await findReport(tx, orgId, applicationId, reportId))) throw notFound();
      return readsOfReport(tx, orgId, reportId);
    });
  }

  private reading<T>(
    principal: Principal | null,
    fn: (
      tx: LeasingTx,
      orgId: string,
      read: (reportId: string, part: ReportRead['part']) => ReportRead,
    ) => Promise<T>,
    ctx: ReadContext = { requestId: null, ip: null },
  ): Promise<T> {
    const userId = userIdOf(principal);
    return inCallerOrg(this.db, principal, (tx, orgId) =>
      fn(tx, orgId, (reportId, part) => ({ orgId, reportId, userId, part, ...ctx })),
    );
  }
}
