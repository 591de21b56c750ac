import { Type } from '@sinclair/typebox';
import { Text, TimeZone } from '@portfolioos/contracts';
import {
  page,
  paginationQuery,
  problemSchema,
  strictObject,
  unprocessable,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { actorOf } from '../audit/audit-log.js';
import { uuid } from '../http-schemas.js';
import { nextCursorAfter, readPosition } from '../paging/cursor-position.js';
import { ALL_ROLES, PEOPLE_ADMINS, STAFF_ROLES } from './roles.js';
import type { OrganizationService } from './service.js';

const tags = ['organizations'];
const orgParams = Type.Object({ orgId: uuid });
const memberParams = Type.Object({ orgId: uuid, membershipId: uuid });
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema };

const organization = Type.Object({
  id: uuid,
  name: Type.String(),
  slug: Type.String(),
  default_currency: Type.String(),
  timezone: Type.String(),
  country: Type.String(),
});
const member = Type.Object({
  id: uuid,
  user_id: uuid,
  role: Type.String(),
  email: Type.String(),
  display_name: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});
const organizationChanges = strictObject(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    timezone: Type.Optional(TimeZone()),
    default_currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { minProperties: 1 },
);
const roleBody = strictObject({ role: Type.Union(ALL_ROLES.map((r) => Type.Literal(r))) });

/** /v1/orgs/:orgId and its members. */
export function organizationRoutes(orgs: OrganizationService): ServicePlugin {
  return async (app) => {
    app.get(
      '/:orgId',
      {
        schema: {
          tags,
          summary: 'The organization',
          params: orgParams,
          response: { 200: organization, 400: problemSchema, ...errors },
        },
      },
      async (request) => {
        const org = await orgs.get(request.principal!, request.params.orgId);
        return { ...org, default_currency: org.defaultCurrency };
      },
    );
    app.patch(
      '/:orgId',
      {
        config: { auth: { roles: ['owner'] } },
        schema: {
          tags,
          summary: "Change the organization's settings (owners; publishes OrganizationUpdated)",
          params: orgParams,
          body: organizationChanges,
          response: { 200: organization, 400: problemSchema, 422: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { default_currency, timezone, ...rest } = request.body;
        if (timezone !== undefined && !isIanaTimeZone(timezone))
          throw unprocessable(`${timezone} is not an IANA time zone.`, 'unknown-time-zone');
        const changes = {
          ...rest,
          ...(timezone !== undefined ? { timezone } : {}),
          ...(default_currency !== undefined ? { defaultCurrency: default_currency } : {}),
        };
        const org = await orgs.update(request.principal!, request.params.orgId, changes, actorOf(request));
        return { ...org, default_currency: org.defaultCurrency };
      },
    );
    app.get(
      '/:orgId/members',
      {
        config: { auth: { roles: STAFF_ROLES } },
        schema: {
          tags,
          summary: 'Members and their roles',
          params: orgParams,
          querystring: paginationQuery,
          response: { 200: page(member), 400: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const after = readPosition(cursor, 'milliseconds');
        const rows = await orgs.listMembers(request.principal!, request.params.orgId, limit, after);
        return {
          items: rows.map((r) => ({
            id: r.id,
            user_id: r.userId,
            role: r.role,
            email: r.email,
            display_name: r.displayName,
            created_at: r.createdAt.toISOString(),
          })),
          next_cursor: nextCursorAfter(rows, limit, (r) => ({ at: r.createdAt.toISOString(), id: r.id })),
        };
      },
    );
    app.patch(
      '/:orgId/members/:membershipId',
      {
        config: { auth: { roles: PEOPLE_ADMINS } },
        schema: {
          tags,
          summary: "Change a member's role",
          params: memberParams,
          body: roleBody,
          response: {
            200: Type.Object({ id: uuid, role: Type.String() }),
            400: problemSchema,
            422: problemSchema,
            ...errors,
          },
        },
      },
      async (request) => {
        const { orgId, membershipId } = request.params;
        const updated = await orgs.changeRole(
          request.principal!,
          orgId,
          membershipId,
          request.body.role,
          actorOf(request),
        );
        return { id: updated.id, role: updated.role };
      },
    );
    app.delete(
      '/:orgId/members/:membershipId',
      {
        config: { auth: { roles: PEOPLE_ADMINS } },
        schema: {
          tags,
          summary: 'Remove a member',
          params: memberParams,
          response: { 204: { type: 'null' }, 400: problemSchema, 422: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await orgs.remove(
          request.principal!,
          request.params.orgId,
          request.params.membershipId,
          actorOf(request),
        );
        return reply.code(204).send();
      },
    );
  };
}

// Due dates and rent runs are evaluated in this zone, so an unknown one must not get in.
function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
