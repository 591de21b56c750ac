import { Type } from '@sinclair/typebox';
import { IsoDateTime, PARTNER_SCOPES, Text } from '@portfolioos/contracts';
import { problemSchema, strictObject, type ServicePlugin } from '@portfolioos/service-kit';
import { actorOf } from '../audit/audit-log.js';
import { uuid } from '../http-schemas.js';
import { PEOPLE_ADMINS } from '../organizations/roles.js';
import { displayPrefix } from './api-key-format.js';
import type { ApiKeyRow } from './repository.js';
import type { ApiKeyService } from './service.js';

const tags = ['api-keys'];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
// What a new key may ask for: the platform's scope catalogue (unknown scopes are a 400 the document shows).
const requestedScope = Type.Union(
  Object.keys(PARTNER_SCOPES).map((name) => Type.Literal(name)),
  { description: "A partner scope; the creator's role must hold it" },
);

const apiKey = Type.Object({
  id: uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'The visible start of the key, e.g. pk_3f9a0c1b2d4e.' }),
  scopes: Type.Array(Type.String()),
  expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});
const toApiKey = (row: ApiKeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: displayPrefix(row.prefix),
  scopes: row.scopes,
  expires_at: row.expiresAt?.toISOString() ?? null,
  revoked_at: row.revokedAt?.toISOString() ?? null,
  last_used_at: row.lastUsedAt?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
});

/** /v1/api-keys: partner keys of the caller's active organization. */
export function apiKeyRoutes(keys: ApiKeyService): ServicePlugin {
  return async (app) => {
    const admins = { auth: { roles: PEOPLE_ADMINS } };
    app.post(
      '/',
      {
        config: admins,
        schema: {
          tags,
          summary: 'Create an API key (the secret is in this response only)',
          body: strictObject({
            name: Text({ minLength: 1, maxLength: 100 }),
            scopes: Type.Array(requestedScope, { minItems: 1, maxItems: 50 }),
            expires_at: Type.Optional(IsoDateTime()),
          }),
          response: {
            201: Type.Intersect([apiKey, Type.Object({ key: Type.String() })]),
            400: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { name, scopes, expires_at } = request.body;
        const input = { name, scopes, ...(expires_at ? { expiresAt: new Date(expires_at) } : {}) };
        const { row, key } = await keys.create(request.principal!, input, actorOf(request));
        return reply.code(201).send({ ...toApiKey(row), key });
      },
    );
    app.get(
      '/',
      {
        config: admins,
        schema: {
          tags,
          summary: 'API keys (never their secrets)',
          response: { 200: Type.Object({ items: Type.Array(apiKey) }), ...errors },
        },
      },
      async (request) => ({ items: (await keys.list(request.principal!)).map(toApiKey) }),
    );
    app.delete(
      '/:id',
      {
        config: admins,
        schema: {
          tags,
          summary: 'Revoke an API key (refused from the next request on)',
          params: Type.Object({ id: uuid }),
          response: { 204: { type: 'null' }, 400: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await keys.revoke(request.principal!, request.params.id, actorOf(request));
        return reply.code(204).send();
      },
    );
  };
}
