import { Type } from '@sinclair/typebox';
import { page, paginationQuery, problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { uuid } from '../http-schemas.js';
import { auditEventFields, auditEventJson, auditPage } from './audit-event-json.js';
import type { AuditLogService } from './service.js';

const auditEvent = Type.Object({ ...auditEventFields, actor_kind: Type.String() });

/** GET /v1/orgs/:orgId/audit-events: the organization's auth audit log, owners only, newest first. */
export function auditRoutes(auditLog: AuditLogService): ServicePlugin {
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
        const { limit, cursor } = request.query;
        const rows = await auditLog.page(request.principal!, request.params.orgId, limit, cursor);
        return auditPage(rows, limit, (event) => ({ ...auditEventJson(event), actor_kind: event.actorKind }));
      },
    );
  };
}
