import { Type } from '@sinclair/typebox';
import type { ServicePlugin } from '@portfolioos/service-kit';
import type { SigningKeyStore } from './service.js';

const jwk = Type.Object(
  {
    kty: Type.String(),
    kid: Type.String(),
    alg: Type.String(),
    use: Type.String(),
    n: Type.String(),
    e: Type.String(),
  },
  { additionalProperties: false },
);

/** GET /.well-known/jwks.json: the public keys every service verifies access tokens with. */
export function jwksRoutes(keys: SigningKeyStore): ServicePlugin {
  return async (app) => {
    app.get(
      '/.well-known/jwks.json',
      {
        config: { auth: { public: true } },
        schema: {
          summary: 'Public keys for verifying access tokens (RFC 7517)',
          tags: ['auth'],
          response: { 200: Type.Object({ keys: Type.Array(jwk) }) },
        },
      },
      async (_request, reply) => {
        // Short enough that a rotation reaches caches quickly; verifiers also refetch on an unknown kid.
        reply.header('cache-control', 'public, max-age=300');
        return keys.jwks();
      },
    );
  };
}
