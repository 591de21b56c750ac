import { Type } from '@sinclair/typebox';
import { uuid } from '../http-schemas.js';
import { nextCursorAfter } from '../paging/cursor-position.js';

/** What both audit logs (an organization's and the platform's) show of an event; the first adds actor_kind. */
export const auditEventFields = {
  id: uuid,
  action: Type.String(),
  actor_user_id: Type.Union([uuid, Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.String()),
  occurred_at: Type.String({ format: 'date-time' }),
};

/** The columns both audit tables share. */
interface AuditEventColumns {
  id: string;
  action: string;
  actorUserId: string | null;
  subject: string | null;
  ip: string | null;
  details: Record<string, string>;
  occurredAt: Date;
}

/** auditEventFields of a row of either audit table. */
export const auditEventJson = (e: AuditEventColumns) => ({
  id: e.id,
  action: e.action,
  actor_user_id: e.actorUserId,
  subject: e.subject,
  ip: e.ip,
  details: e.details,
  occurred_at: e.occurredAt.toISOString(),
});

/** A page of audit rows, each with its exact position (see listAuditEvents), as the routes answer it. */
export const auditPage = <R extends AuditEventColumns, T>(
  rows: { event: R; position: string }[],
  limit: number,
  toJson: (event: R) => T,
) => ({
  items: rows.map((row) => toJson(row.event)),
  next_cursor: nextCursorAfter(rows, limit, (row) => ({ at: row.position, id: row.event.id })),
});
