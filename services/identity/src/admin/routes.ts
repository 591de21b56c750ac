import { Type } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';
import {
  page,
  paginationQuery,
  problemSchema,
  strictObject,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { actorOf } from '../audit/audit-log.js';
import { uuid } from '../http-schemas.js';
import { nextCursorAfter, readPosition } from '../paging/cursor-position.js';
import { platformAuditRoutes } from './audit-routes.js';
import type { PlatformAdminService } from './service.js';

const tags = ['admin'];
const errors = { 401: problemSchema, 403: problemSchema };
const admins = { auth: { platform: 'admin' as const } };
const searchQuery = Type.Object(
  { ...paginationQuery.properties, q: Type.Optional(Text({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
const organization = Type.Object({
  id: uuid,
  name: Type.String(),
  slug: Type.String(),
  country: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});
const user = Type.Object({
  id: uuid,
  email: Type.String(),
  display_name: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  deactivated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

// Directory pages order on the millisecond creation time (see searchOrganizations in repository.ts).
const nextCursor = (rows: Array<{ createdAt: Date; id: string }>, limit: number) =>
  nextCursorAfter(rows, limit, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));

/** /v1/admin: platform operations for admin tokens; every call re-checks the grant (see the service). */
export function adminRoutes(admin: PlatformAdminService): ServicePlugin {
  return async (app) => {
    app.addHook('preHandler', async (request) => admin.requireAdmin(request.principal?.userId));
    // Registered after the hook so the audit log gets the same re-check.
    await app.register(platformAuditRoutes(admin));
    app.get(
      '/organizations',
      {
        config: admins,
        schema: {
          tags,
          summary: 'Organizations, searchable by name or slug',
          querystring: searchQuery,
          response: { 200: page(organization), 400: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { q, limit, cursor } = request.query;
        const rows = await admin.organizations(q, limit, readPosition(cursor, 'milliseconds'));
        return {
          items: rows.map((r) => ({
            id: r.id,
            name: r.name,
            slug: r.slug,
            country: r.country,
            created_at: r.createdAt.toISOString(),
          })),
          next_cursor: nextCursor(rows, limit),
        };
      },
    );
    app.get(
      '/users',
      {
        config: admins,
        schema: {
          tags,
          summary: 'People, searchable by email or name',
          querystring: searchQuery,
          response: { 200: page(user), 400: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { q, limit, cursor } = request.query;
        const rows = await admin.users(q, limit, readPosition(cursor, 'milliseconds'));
        return {
          items: rows.map((r) => ({
            id: r.id,
            email: r.email,
            display_name: r.displayName,
            created_at: r.createdAt.toISOString(),
            deactivated_at: r.deactivatedAt?.toISOString() ?? null,
          })),
          next_cursor: nextCursor(rows, limit),
        };
      },
    );
    app.post(
      '/users/:userId/deactivate',
      {
        config: admins,
        schema: {
          tags,
          summary: 'Deactivate an account (publishes UserDeactivated)',
          params: Type.Object({ userId: uuid }),
          body: strictObject({
            reason: Type.Union([Type.Literal('ADMIN_ACTION'), Type.Literal('SECURITY')], {
              default: 'ADMIN_ACTION',
            }),
          }),
          response: { 204: { type: 'null' }, 400: problemSchema, 404: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await admin.deactivate(request.params.userId, request.body.reason, actorOf(request));
        return reply.code(204).send();
      },
    );
    app.post(
      '/signing-keys/rotate',
      {
        config: admins,
        schema: {
          tags,
          summary: 'Rotate the token signing key now (the old key stays published until its tokens expire)',
          response: {
            201: Type.Object({ kid: Type.String(), published_kids: Type.Array(Type.String()) }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { kid, publishedKids } = await admin.rotateSigningKey(actorOf(request));
        return reply.code(201).send({ kid, published_kids: publishedKids });
      },
    );
  };
}
