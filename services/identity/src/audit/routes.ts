import { Type } from '@sinclair/typebox';
import { withOrgTransaction } from '@portfolioos/db';
import { notFound, page, paginationQuery, problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { uuid } from '../auth/schemas.js';
import type { IdentityDb } from '../db/database.js';
import { readPosition } from '../paging/cursor-position.js';
import { auditEventFields, auditEventJson, auditPage } from './audit-event-json.js';
import { listAuditEvents } from './repository.js';

const auditEvent = Type.Object({ ...auditEventFields, actor_kind: Type.String() });

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
        return auditPage(rows, limit, (event) => ({ ...auditEventJson(event), actor_kind: event.actorKind }));
      },
    );
  };
}
