import { Type } from '@sinclair/typebox';
import { withOrgTransaction } from '@portfolioos/db';
import {
  encodeCursor,
  notFound,
  page,
  paginationQuery,
  problemSchema,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { uuid } from '../auth/schemas.js';
import type { IdentityDb } from '../db/database.js';
import { readPosition } from '../paging/cursor-position.js';
import { listAuditEvents } from './repository.js';

const auditEvent = Type.Object({
  id: uuid,
  action: Type.String(),
  actor_user_id: Type.Union([uuid, Type.Null()]),
  actor_kind: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.String()),
  occurred_at: Type.String({ format: 'date-time' }),
});

/** GET /v1/orgs/:orgId/audit-events: the organization's auth audit log, owners only, newest first. */
export function auditRoutes(db: IdentityDb): ServicePlugin {
  return async (app) => {
    app.get(
      '/:orgId/audit-events',
      {
        config: { auth: { roles: ['owner'] } },
        schema: {
          tags: ['audit'],
          summary: 'Sign-ins, failures, role changes, keys created and revoked',
          params: Type.Object({ orgId: uuid }),
          querystring: paginationQuery,
          response: {
            200: page(auditEvent),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { orgId } = request.params;
        if (request.principal!.orgId !== orgId) throw notFound();
        const { limit, cursor } = request.query;
        const after = readPosition(cursor, 'microseconds');
        const rows = await withOrgTransaction(db, orgId, (tx) => listAuditEvents(tx, orgId, limit, after));
        const last = rows.length === limit ? rows.at(-1) : undefined;
        return {
          items: rows.map(({ event: r }) => ({
            id: r.id,
            action: r.action,
            actor_user_id: r.actorUserId,
            actor_kind: r.actorKind,
            subject: r.subject,
            ip: r.ip,
            details: r.details,
            occurred_at: r.occurredAt.toISOString(),
          })),
          next_cursor: last ? encodeCursor({ at: last.position, id: last.event.id }) : null,
        };
      },
    );
  };
}
