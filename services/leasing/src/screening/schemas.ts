import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from '@portfolioos/service-kit';
import { nullable, phone, timestamp, uuid } from '../http-schemas.js';
import { screeningReportsPurpose } from './report-store.js';

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const result = Type.Union([Type.Literal('clear'), Type.Literal('consider'), Type.Literal('adverse')], {
  description: 'clear: nothing found; consider: findings to weigh; adverse: findings that may decline',
});
const contentType = Type.Union(
  screeningReportsPurpose.contentTypes.map((t) => Type.Literal(t)),
  { description: 'Type of the report document' },
);
// Base64 of at most maxBytes: 4 characters per 3 bytes.
const maxBase64 = Math.ceil(screeningReportsPurpose.maxBytes / 3) * 4;

/** What staff record for the `manual` provider: the agency's result and its report document. */
export const manualScreeningBody = strictObject({
  agency: strictObject({
    name: text(200),
    address: Type.Optional(text(400)),
    phone: Type.Optional(phone),
  }),
  result,
  summary: Type.Optional(text(4000)),
  report: strictObject({
    content_type: contentType,
    data_base64: Type.String({
      minLength: 4,
      maxLength: maxBase64,
      pattern: '^[A-Za-z0-9+/]*={0,2}$',
      description: `The report document, base64 (at most ${screeningReportsPurpose.maxBytes} bytes)`,
    }),
  }),
});
export type ManualScreeningBody = Static<typeof manualScreeningBody>;

export const reportParams = Type.Object({ id: uuid, reportId: uuid });

export const screeningReportSchema = Type.Object({
  id: uuid,
  application_id: uuid,
  provider: Type.String(),
  agency: Type.Object({
    name: Type.String(),
    address: nullable(Type.String()),
    phone: nullable(Type.String()),
  }),
  result: Type.String(),
  summary: nullable(Type.String()),
  content_type: nullable(Type.String()),
  size_bytes: nullable(Type.Integer()),
  recorded_at: timestamp,
  expires_at: timestamp,
  purged_at: nullable(timestamp),
});

export const reportContentSchema = Type.Object({
  content_type: Type.String(),
  data_base64: Type.String(),
});

export const reportReadSchema = Type.Object({
  user_id: uuid,
  part: Type.String(),
  request_id: nullable(Type.String()),
  ip: nullable(Type.String()),
  read_at: timestamp,
});
