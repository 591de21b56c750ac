import { Type } from '@sinclair/typebox';
import { IsoDateTime, Text } from '@portfolioos/contracts';
import {
  page,
  paginationQuery,
  problemSchema,
  ProblemError,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { uuid } from '../http-schemas.js';
import { readPosition } from '../paging/cursor-position.js';
import { auditEventFields, auditEventJson, auditPage } from '../audit/audit-event-json.js';
import type { PlatformAdminService } from './service.js';

const platformAuditEvent = Type.Object(auditEventFields);
// A free string, not an enum: old rows keep action names the code may no longer emit.
const auditQuery = Type.Object(
  {
    ...paginationQuery.properties,
    action: Type.Optional(
      Text({ minLength: 1, maxLength: 100, description: 'Exact action, e.g. admin.user_deactivated' }),
    ),
    actor_user_id: Type.Optional(uuid),
    since: Type.Optional(IsoDateTime({ description: 'Inclusive lower bound' })),
    until: Type.Optional(IsoDateTime({ description: 'Exclusive upper bound' })),
  },
  { additionalProperties: false },
);
function checkRange(since: string | undefined, until: string | undefined): void {
  if (since === undefined || until === undefined || Date.parse(since) <= Date.parse(until)) return;
  throw new ProblemError({
    status: 400,
    slug: 'validation-error',
    title: 'Invalid request',
    detail: '`since` must not be after `until`.',
    errors: [{ in: 'querystring', field: 'since', message: 'must not be after until' }],
  });
}

/**
 * GET /v1/admin/audit-events: the platform audit log (admin actions), newest first. Registered inside
 * adminRoutes so its platform-admin re-check applies; like the other admin reads it records no audit row.
 */
export function platformAuditRoutes(admin: PlatformAdminService): ServicePlugin {
  return async (app) => {
    app.get(
      '/audit-events',
      {
        config: { auth: { platform: 'admin' } },
        schema: {
          tags: ['admin'],
          summary: 'Platform audit log: grants, admin sign-ins, deactivations, signing-key rotations',
          querystring: auditQuery,
          response: {
            200: page(platformAuditEvent),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
          },
        },
      },
      async (request) => {
        const { limit, cursor, action, actor_user_id: actorUserId, since, until } = request.query;
        checkRange(since, until);
        const filter = { action, actorUserId, since, until };
        const rows = await admin.auditEvents(filter, limit, readPosition(cursor, 'microseconds'));
        return auditPage(rows, limit, auditEventJson);
      },
    );
  };
}
