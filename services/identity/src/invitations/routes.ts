import { Type } from '@sinclair/typebox';
import { problemSchema, strictObject, type ServicePlugin } from '@portfolioos/service-kit';
import { actorOf } from '../audit/audit-log.js';
import { Text } from '@portfolioos/contracts';
import {
  displayName,
  email,
  normalizeEmail,
  opaqueToken,
  password,
  tokenPair,
  uuid,
} from '../http-schemas.js';
import { ALL_ROLES, PEOPLE_ADMINS } from '../organizations/roles.js';
import type { InvitationAcceptance } from './accept.js';
import type { InvitationRow } from './repository.js';
import type { AcceptLink, InvitationService } from './service.js';

const tags = ['invitations'];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const orgParams = Type.Object({ orgId: uuid });
const invitationParams = Type.Object({ orgId: uuid, invitationId: uuid });
const role = Type.Union(ALL_ROLES.map((r) => Type.Literal(r)));

const invitation = Type.Object({
  id: uuid,
  email: Type.String(),
  role: Type.String(),
  status: Type.String(),
  expires_at: Type.String({ format: 'date-time' }),
  created_at: Type.String({ format: 'date-time' }),
});
const toInvitation = (row: InvitationRow) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  status: row.status,
  expires_at: row.expiresAt.toISOString(),
  created_at: row.createdAt.toISOString(),
});

/** An accept link as the API answers it. */
export const acceptLink = Type.Object({
  token: Type.String(),
  url: Type.String(),
  expires_at: Type.String({ format: 'date-time' }),
});
export const toAcceptLink = (link: AcceptLink) => ({
  token: link.token,
  url: link.url,
  expires_at: link.expiresAt.toISOString(),
});

/** /v1/orgs/:orgId/invitations: invite staff, tenants or vendors; mint accept links; revoke. */
export function invitationRoutes(invitations: InvitationService): ServicePlugin {
  return async (app) => {
    const admins = { auth: { roles: PEOPLE_ADMINS } };
    app.post(
      '/:orgId/invitations',
      {
        config: admins,
        schema: {
          tags,
          summary: 'Invite someone by email (the accept link goes out through notifications)',
          params: orgParams,
          body: strictObject({ email, role, message: Type.Optional(Text({ maxLength: 1000 })) }),
          response: { 201: invitation, 400: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const body = { ...request.body, email: normalizeEmail(request.body.email) };
        const created = await invitations.invite(
          request.principal!,
          request.params.orgId,
          body,
          actorOf(request),
        );
        return reply.code(201).send(toInvitation(created));
      },
    );
    app.get(
      '/:orgId/invitations',
      {
        config: admins,
        schema: {
          tags,
          summary: 'Pending invitations',
          params: orgParams,
          response: { 200: Type.Object({ items: Type.Array(invitation) }), 400: problemSchema, ...errors },
        },
      },
      async (request) => ({
        items: (await invitations.list(request.principal!, request.params.orgId)).map(toInvitation),
      }),
    );
    app.post(
      '/:orgId/invitations/:invitationId/accept-link',
      {
        // People admins only: a partner credential proves nothing about the invited address, and the mail
        // service mints its links at /internal/v1 (delivery-routes.ts).
        config: admins,
        schema: {
          tags,
          summary: 'Mint a fresh single-use accept link (earlier links stop working)',
          params: invitationParams,
          description:
            'For the inviter to pass on. It links an existing account (whose password the invitee enters) ' +
            'and never creates one: only the link the mail service delivers to the address proves the email.',
          response: { 201: acceptLink, 400: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { orgId, invitationId } = request.params;
        const link = await invitations.mintAcceptLink(request.principal!, orgId, invitationId);
        return reply.code(201).send(toAcceptLink(link));
      },
    );
    app.delete(
      '/:orgId/invitations/:invitationId',
      {
        config: admins,
        schema: {
          tags,
          summary: 'Revoke a pending invitation',
          params: invitationParams,
          response: { 204: { type: 'null' }, 400: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await invitations.revoke(
          request.principal!,
          request.params.orgId,
          request.params.invitationId,
          actorOf(request),
        );
        return reply.code(204).send();
      },
    );
  };
}

/** POST /v1/auth/invitations/accept: public; the token is the credential. */
export function acceptInvitationRoutes(acceptance: InvitationAcceptance): ServicePlugin {
  return async (app) => {
    app.post(
      '/invitations/accept',
      {
        config: { auth: { public: true } },
        schema: {
          tags,
          summary: 'Accept an invitation, creating the account or linking an existing one',
          body: strictObject({
            token: opaqueToken,
            password,
            display_name: Type.Optional(displayName),
          }),
          response: { 200: tokenPair, 400: problemSchema, 429: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { token, password, display_name } = request.body;
        return acceptance.accept(
          { token, password, ...(display_name ? { displayName: display_name } : {}) },
          request.principal,
          actorOf(request),
        );
      },
    );
  };
}
