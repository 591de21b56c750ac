import type { TestContext } from 'node:test';
import { Type } from '@sinclair/typebox';
import {
  authPlugin,
  buildApp,
  notFound,
  remoteApiKeys,
  remoteJwks,
  type ServiceApp,
} from '@portfolioos/service-kit';
import type { Config } from '../../src/config.js';

/**
 * Another PortfolioOS service as it would wire auth: JWTs against identity's JWKS, API keys through the
 * one-line remote verifier. Its one route is org-scoped the way every service scopes data.
 */
export async function partnerApp(
  t: Pick<TestContext, 'after'>,
  identityUrl: string,
  config: Pick<Config, 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'INTERNAL_API_TOKEN'>,
): Promise<ServiceApp> {
  const app = await buildApp({
    name: 'partner-facing-service',
    version: '0.0.0',
    logger: false,
    plugins: {
      external: [
        authPlugin({
          accessTokens: {
            keys: remoteJwks(`${identityUrl}/.well-known/jwks.json`),
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
          },
          apiKeys: {
            prefix: 'pk_',
            verify: remoteApiKeys({
              url: `${identityUrl}/internal/v1/api-keys/introspect`,
              token: config.INTERNAL_API_TOKEN!,
            }),
          },
        }),
      ],
      routes: [
        async (routes) => {
          routes.get(
            '/v1/ledger/:orgId',
            {
              config: { auth: { roles: ['owner'], scopes: ['ledger:read'] } },
              schema: {
                params: Type.Object({ orgId: Type.String({ format: 'uuid' }) }),
                response: { 200: Type.Object({ organization_id: Type.String(), caller: Type.String() }) },
              },
            },
            async (request) => {
              const principal = request.principal!;
              if (principal.orgId !== request.params.orgId) throw notFound();
              return { organization_id: principal.orgId, caller: principal.kind };
            },
          );
        },
      ],
    },
  });
  t.after(() => app.close());
  await app.ready();
  return app;
}
