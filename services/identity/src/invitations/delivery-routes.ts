import { Type } from '@sinclair/typebox';
import { problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { uuid } from '../http-schemas.js';
import { internalCallerOnly } from '../internal/internal-caller.js';
import { acceptLink, toAcceptLink } from './routes.js';
import type { InvitationService } from './service.js';

/**
 * POST /internal/v1/invitations/:invitationId/accept-link: the mail service (notifications) mints the link
 * it delivers to the invited address. Only such a `mailed` link may create a new account, since only its
 * delivery proves control of the email; the internal token keeps it away from inviters and partners.
 */
export function invitationDeliveryRoutes(
  invitations: InvitationService,
  internalToken: string | undefined,
): ServicePlugin {
  return async (app) => {
    app.addHook('onRequest', internalCallerOnly(internalToken));
    app.post(
      '/invitations/:invitationId/accept-link',
      {
        // Not a user- or partner-facing route: the internal token, checked by the hook above, is the credential.
        config: { auth: { public: true } },
        schema: {
          tags: ['internal'],
          summary: 'Mint the accept link to e-mail to the invited address (service-to-service)',
          description: 'Authorization: Bearer <INTERNAL_API_TOKEN>. Not routed by the public ingress.',
          params: Type.Object({ invitationId: uuid }),
          response: {
            201: acceptLink,
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const link = await invitations.mintMailedLink(request.params.invitationId);
        reply.header('cache-control', 'no-store');
        return reply.code(201).send(toAcceptLink(link));
      },
    );
  };
}
