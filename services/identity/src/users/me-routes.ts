import { Type } from '@sinclair/typebox';
import { problemSchema, unauthorized, type ServicePlugin } from '@portfolioos/service-kit';
import { uuid } from '../http-schemas.js';
import type { ProfileService } from './profile-service.js';

const meResponse = Type.Object({
  user: Type.Object({ id: uuid, email: Type.String(), display_name: Type.String() }),
  principal: Type.Object({
    kind: Type.String(),
    organization_id: Type.Union([uuid, Type.Null()]),
    roles: Type.Array(Type.String()),
    scopes: Type.Array(Type.String()),
  }),
  memberships: Type.Array(
    Type.Object({
      membership_id: uuid,
      organization_id: uuid,
      organization_name: Type.String(),
      role: Type.String(),
    }),
  ),
});

/** GET /v1/me: the caller, their principal, and every organization they belong to. */
export function meRoutes(profiles: ProfileService): ServicePlugin {
  return async (app) => {
    app.get(
      '/',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in person',
          response: { 200: meResponse, 401: problemSchema },
        },
      },
      async (request) => {
        const principal = request.principal!;
        if (!principal.userId)
          throw unauthorized('This endpoint is for people; partner credentials have no profile.');
        const { user, memberships } = await profiles.me(principal.userId);
        return {
          user: { id: user.id, email: user.email, display_name: user.displayName },
          principal: {
            kind: principal.kind,
            organization_id: principal.orgId,
            roles: principal.roles,
            scopes: principal.scopes,
          },
          memberships: memberships.map((m) => ({
            membership_id: m.membershipId,
            organization_id: m.orgId,
            organization_name: m.orgName,
            role: m.role,
          })),
        };
      },
    );
  };
}
