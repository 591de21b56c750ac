import { Type } from '@sinclair/typebox';
import {
  forbidden,
  page,
  paginationQuery,
  problemSchema,
  strictObject,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { actorOf } from '../audit/audit-log.js';
import { uuid } from '../auth/schemas.js';
import { withLookup, type IdentityDb } from '../db/database.js';
import { nextCursorAfter, readPosition } from '../paging/cursor-position.js';
import type { SigningKeyStore } from '../signing-keys/service.js';
import { deactivateUser } from '../users/deactivation.js';
import { platformAuditRoutes } from './audit-routes.js';
import { searchOrganizations, searchUsers } from './directory.js';
import { isPlatformAdmin, recordPlatformAudit } from './platform-admins.js';

const tags = ['admin'];
const errors = { 401: problemSchema, 403: problemSchema };
const admins = { auth: { platform: 'admin' as const } };
const searchQuery = Type.Object(
  { ...paginationQuery.properties, q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
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

// Directory pages order on the millisecond creation time (see directory.ts).
const nextCursor = (rows: Array<{ createdAt: Date; id: string }>, limit: number) =>
  nextCursorAfter(rows, limit, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));

/**
 * /v1/admin: platform operations for admin tokens. Admins see the directory of organizations and people
 * but are members of none, so org-scoped data routes stay closed to them (authorize() refuses admin tokens
 * there). Every call re-checks the grant, so `admin:grant --revoke` takes effect at once.
 */
export function adminRoutes(db: IdentityDb, keys: SigningKeyStore): ServicePlugin {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const userId = request.principal?.userId;
      if (!userId || !(await isPlatformAdmin(db, userId)))
        throw forbidden('This account is not a platform admin.');
    });
    // Registered after the hook so the audit log gets the same re-check.
    await app.register(platformAuditRoutes(db));
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
        const rows = await withLookup(db, 'platform_admin', 'on', (tx) =>
          searchOrganizations(tx, q, limit, readPosition(cursor, 'milliseconds')),
        );
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
        const rows = await searchUsers(db, q, limit, readPosition(cursor, 'milliseconds'));
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
          response: { 204: { type: 'null' }, 404: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { userId } = request.params;
        const actor = actorOf(request);
        // An admin may deactivate an organization's last owner (e.g. a compromised account): security first.
        const { reason } = request.body;
        await deactivateUser(db, {
          userId,
          reason,
          deactivatedBy: actor.userId,
          actor,
          protectLastOwner: false,
          alsoInTransaction: (tx) =>
            recordPlatformAudit(tx, 'admin.user_deactivated', actor, userId, { reason }),
        });
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
        const kid = await keys.rotate();
        await recordPlatformAudit(db, 'admin.signing_key_rotated', actorOf(request), kid);
        return reply.code(201).send({ kid, published_kids: keys.jwks().keys.map((k) => k.kid) });
      },
    );
  };
}
