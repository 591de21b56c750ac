import { Type } from '@sinclair/typebox';
import type { ServicePlugin } from '@portfolioos/service-kit';
import { deciders } from '../access.js';
import { errors, idParams } from '../http-schemas.js';
import { manualProvider } from './provider.js';
import type { ScreeningReportRow } from './repository.js';
import {
  manualScreeningBody,
  reportContentSchema,
  reportParams,
  reportReadSchema,
  screeningReportSchema,
} from './schemas.js';
import type { ScreeningService } from './service.js';
import { screeningReportsPurpose } from './report-store.js';

const tags = ['screening'];
const withGone = { ...errors, 410: errors[404] };
const noStore = { 'cache-control': 'no-store' };

const reportToJson = (r: ScreeningReportRow) => ({
  id: r.id,
  application_id: r.applicationId,
  provider: r.provider,
  agency: { name: r.agencyName, address: r.agencyAddress, phone: r.agencyPhone },
  result: r.result,
  summary: r.summary,
  content_type: r.contentType,
  size_bytes: r.sizeBytes,
  recorded_at: r.createdAt.toISOString(),
  expires_at: r.expiresAt.toISOString(),
  purged_at: r.purgedAt?.toISOString() ?? null,
});

/**
 * /v1/applications/{id}/screening-reports: owners and managers only (no partner scope, no other role),
 * every read recorded with who, when and from where.
 */
export function screeningRoutes(screening: ScreeningService): ServicePlugin {
  return async (app) => {
    const from = (request: { id: string; ip: string }) => ({ requestId: request.id, ip: request.ip });
    app.post(
      '/:id/screening-reports',
      {
        config: deciders,
        // The report travels as base64 in JSON: 4/3 of its size plus the rest of the body.
        bodyLimit: Math.ceil((screeningReportsPurpose.maxBytes * 4) / 3) + 16_384,
        schema: {
          tags,
          summary: 'Record a screening result and its report (manual provider); stored encrypted',
          params: idParams,
          body: manualScreeningBody,
          response: { 201: screeningReportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = manualProvider.resultOf(request.body);
        const row = await screening.record(request.principal, request.params.id, result);
        return reply.code(201).headers(noStore).send(reportToJson(row));
      },
    );
    app.get(
      '/:id/screening-reports',
      {
        config: deciders,
        schema: {
          tags,
          summary: "An application's screening reports (each read is audited)",
          params: idParams,
          response: { 200: Type.Object({ items: Type.Array(screeningReportSchema) }), ...errors },
        },
      },
      async (request, reply) => {
        const rows = await screening.list(request.principal, request.params.id, from(request));
        return reply.headers(noStore).send({ items: rows.map(reportToJson) });
      },
    );
    app.get(
      '/:id/screening-reports/:reportId/content',
      {
        config: deciders,
        schema: {
          tags,
          summary: 'The decrypted report document (audited; 410 after the retention period)',
          params: reportParams,
          response: { 200: reportContentSchema, ...withGone },
        },
      },
      async (request, reply) => {
        const { id, reportId } = request.params;
        const { contentType, bytes } = await screening.content(
          request.principal,
          id,
          reportId,
          from(request),
        );
        return reply
          .headers(noStore)
          .send({ content_type: contentType, data_base64: bytes.toString('base64') });
      },
    );
    app.get(
      '/:id/screening-reports/:reportId/reads',
      {
        config: deciders,
        schema: {
          tags,
          summary: 'Who read a screening report, when and from where',
          params: reportParams,
          response: { 200: Type.Object({ items: Type.Array(reportReadSchema) }), ...errors },
        },
      },
      async (request) => {
        const { id, reportId } = request.params;
        const rows = await screening.reads(request.principal, id, reportId);
        return {
          items: rows.map((r) => ({
            user_id: r.userId,
            part: r.part,
            request_id: r.requestId,
            ip: r.ip,
            read_at: r.readAt.toISOString(),
          })),
        };
      },
    );
  };
}
