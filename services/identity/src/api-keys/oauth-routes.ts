import { Type } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';
import { ProblemError, problemSchema, strictObject, type ServicePlugin } from '@portfolioos/service-kit';
import type { LoginGuard } from '../abuse/login-guard.js';
import type { TokenIssuer } from '../sessions/token-issuer.js';
import type { ApiKeyService } from './service.js';

const oauthError = (status: number, error: string, detail: string) =>
  new ProblemError({
    status,
    slug: `oauth-${error.replaceAll('_', '-')}`,
    title: 'OAuth error',
    detail,
    extensions: { error },
  });

const tokenRequest = strictObject({
  grant_type: Text({ minLength: 1, maxLength: 200 }),
  client_id: Type.Optional(Text({ maxLength: 100 })),
  client_secret: Type.Optional(Text({ maxLength: 200 })),
  scope: Type.Optional(Text({ maxLength: 2000 })),
});

/**
 * POST /v1/oauth/token, client-credentials grant (RFC 6749 §4.4). An API key is the client: client_id is its
 * visible prefix, client_secret the key itself (form fields or HTTP Basic). Issues a short-lived access token
 * (kind `client`) with the requested subset of the key's scopes, verifiable by every service offline.
 */
export function oauthRoutes(keys: ApiKeyService, issuer: TokenIssuer, guard: LoginGuard): ServicePlugin {
  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.post(
      '/token',
      {
        config: { auth: { public: true } },
        schema: {
          tags: ['oauth'],
          summary: 'Client-credentials token',
          body: tokenRequest,
          response: {
            200: Type.Object({
              access_token: Type.String(),
              token_type: Type.Literal('Bearer'),
              expires_in: Type.Integer(),
              scope: Type.String(),
            }),
            400: problemSchema,
            401: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        await guard.checkRate('oauth-token', request.ip);
        if (request.body.grant_type !== 'client_credentials')
          throw oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported.');
        const secret = request.body.client_secret ?? basicSecret(request.headers.authorization);
        const key = secret ? await keys.authenticate(secret) : undefined;
        if (!key) throw oauthError(401, 'invalid_client', 'Client authentication failed.');
        const requested = request.body.scope?.split(' ').filter(Boolean) ?? key.scopes;
        if (requested.some((s) => !key.scopes.includes(s)))
          throw oauthError(400, 'invalid_scope', 'A requested scope is not granted to this client.');
        const token = await issuer.issue({
          kind: 'client',
          subject: key.id,
          orgId: key.orgId,
          roles: [],
          scopes: requested,
        });
        await keys.recordTokenIssued(key, requested, {
          userId: null,
          kind: 'api_key',
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        reply.header('cache-control', 'no-store');
        return { ...token, scope: requested.join(' ') };
      },
    );
  };
}

function basicSecret(header: string | undefined): string | undefined {
  const match = /^Basic +([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1 form-encodes the secret inside Basic; a malformed escape is a failed authentication.
  try {
    return decodeURIComponent(decoded.slice(colon + 1));
  } catch {
    return undefined;
  }
}
