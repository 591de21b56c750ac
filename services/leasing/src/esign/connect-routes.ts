import { Type } from '@sinclair/typebox';
import type { ServicePlugin } from '@portfolioos/service-kit';
import { errors } from '../http-schemas.js';
import type { ConnectService } from './connect-service.js';

/**
 * POST /v1/leases/docusign-connect: DocuSign Connect's notifications. Public (DocuSign holds no token),
 * authenticated by the HMAC signature over the raw body, which is why this plugin reads JSON as bytes.
 */
export function connectRoutes(connect: ConnectService): ServicePlugin {
  return async (app) => {
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    app.post(
      '/docusign-connect',
      {
        config: { auth: { public: true } },
        schema: {
          tags: ['leases'],
          summary: 'DocuSign Connect notification (JSON, HMAC-signed in X-DocuSign-Signature-1)',
          response: {
            200: Type.Object({ applied: Type.Boolean(), reason: Type.Optional(Type.String()) }),
            400: errors[400],
            401: errors[401],
          },
        },
      },
      // No body at all (no Content-Type) is an empty one: unsigned, so 401, not a crash (found by the fuzzer).
      async (request) =>
        connect.receive(Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), request.headers),
    );
  };
}
