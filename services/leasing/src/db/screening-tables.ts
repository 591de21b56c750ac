import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { at, createdAt, generatedId } from './columns.js';
import { applications } from './application-tables.js';

/**
 * A screening result of an application with its report. The report's bytes live encrypted in object
 * storage under `object_key`: AES-256-GCM with a fresh data key per report, the data key itself sealed
 * with the configured key-encryption key (`kek_id`). Past `expires_at` the retention worker deletes the
 * object and the sealed key (`purged_at`); what was decided stays.
 */
export const screeningReports = pgTable(
  'screening_reports',
  {
    id: generatedId(),
    orgId: uuid('org_id').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    provider: text('provider').notNull(),
    /** The consumer reporting agency, named in an adverse-action notice. */
    agencyName: text('agency_name').notNull(),
    agencyAddress: text('agency_address'),
    agencyPhone: text('agency_phone'),
    result: text('result').notNull(),
    summary: text('summary'),
    contentType: text('content_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    objectKey: text('object_key'),
    kekId: text('kek_id'),
    /** The data key sealed with the KEK: iv (12) ‖ tag (16) ‖ ciphertext (32), base64. */
    sealedKey: text('sealed_key'),
    /** IV and tag of the report's ciphertext, base64. */
    iv: text('iv'),
    authTag: text('auth_tag'),
    recordedByUserId: uuid('recorded_by_user_id').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    purgedAt: at('purged_at'),
  },
  (t) => [index('screening_reports_application_idx').on(t.orgId, t.applicationId), orgIsolationPolicy()],
);

/** Every read of a screening report's content: who, when, from where. Never updated or deleted. */
export const screeningReportReads = pgTable(
  'screening_report_reads',
  {
    id: generatedId(),
    orgId: uuid('org_id').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => screeningReports.id),
    userId: uuid('user_id').notNull(),
    /** What was read: `report` (result and agency) or `content` (the decrypted report). */
    part: text('part').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    readAt: createdAt('read_at'),
  },
  (t) => [index('screening_report_reads_report_idx').on(t.orgId, t.reportId), orgIsolationPolicy()],
);

/**
 * When each stored report expires, outside row-level security (like the outbox): the retention worker
 * runs for no organization, finds what is due here, then purges each report acting as its organization.
 */
export const screeningReportRetention = pgTable(
  'screening_report_retention',
  {
    reportId: uuid('report_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('screening_report_retention_due_idx').on(t.expiresAt)],
);
