import { Type } from '@sinclair/typebox';
import { problemSchema, strictObject, type ServicePlugin } from '@portfolioos/service-kit';
import { opaqueToken, uuid } from '../http-schemas.js';
import { internalCallerOnly } from '../internal/internal-caller.js';
import type { ApiKeyService } from './service.js';

const introspection = Type.Union([
  Type.Object(
    {
      active: Type.Literal(true),
      key_id: uuid,
      organization_id: uuid,
      scopes: Type.Array(Type.String()),
      exp: Type.Union([Type.Integer({ description: 'Expiry, seconds since the epoch.' }), Type.Null()]),
    },
    { additionalProperties: false },
  ),
  Type.Object({ active: Type.Literal(false) }, { additionalProperties: false }),
]);

/**
 * POST /internal/v1/api-keys/introspect (RFC 7662 style): is this `pk_` key live, and for which organization
 * and scopes? Called by other services' auth plugin (service-kit `remoteApiKeys`) on every request that
 * presents a key; it also stamps last use. Unknown, wrong, revoked and expired keys are all `active: false`.
 */
export function introspectionRoutes(keys: ApiKeyService, internalToken: string | undefined): ServicePlugin {
  return async (app) => {
    app.addHook('onRequest', internalCallerOnly(internalToken));
    app.post(
      '/api-keys/introspect',
      {
        // Not a user- or partner-facing route: the internal token, checked by the hook above, is the credential.
        config: { auth: { public: true } },
        schema: {
          tags: ['internal'],
          summary: 'Introspect a partner API key (service-to-service)',
          description: 'Authorization: Bearer <INTERNAL_API_TOKEN>. Not routed by the public ingress.',
          body: strictObject({ token: opaqueToken }),
          response: { 200: introspection, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const row = await keys.authenticate(request.body.token);
        if (!row) return { active: false as const };
        return {
          active: true as const,
          key_id: row.id,
          organization_id: row.orgId,
          scopes: row.scopes,
          exp: row.expiresAt ? Math.floor(row.expiresAt.getTime() / 1000) : null,
        };
      },
    );
  };
}
