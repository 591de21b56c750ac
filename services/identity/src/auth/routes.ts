import { problemSchema, unauthorized, type ServicePlugin } from '@portfolioos/service-kit';
import { actorOf } from '../audit/audit-log.js';
import type { IdentityDb } from '../db/database.js';
import { withLookup } from '../db/database.js';
import { findUserById, membershipsOfUser } from './repository.js';
import {
  applicantBody,
  loginBody,
  meResponse,
  normalizeEmail,
  refreshBody,
  signUpBody,
  signUpResponse,
  tokenPair,
} from './schemas.js';
import type { AuthService } from './service.js';
import type { SignUpService } from './sign-up.js';

const errors = { 400: problemSchema, 401: problemSchema, 409: problemSchema, 429: problemSchema };
const tags = ['auth'];

/** /v1/auth/*: sign-up, applicant registration, login, refresh, logout. */
export function authRoutes(auth: AuthService, signUps: SignUpService): ServicePlugin {
  return async (app) => {
    const publicRoute = { auth: { public: true as const } };
    app.post(
      '/signup',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Create an account and an organization',
          body: signUpBody,
          response: { 201: signUpResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { organization: org, display_name, ...rest } = request.body;
        const result = await signUps.signUp(
          {
            ...rest,
            email: normalizeEmail(rest.email),
            displayName: display_name,
            organization: {
              name: org.name,
              country: org.country,
              timezone: org.timezone,
              defaultCurrency: org.default_currency,
            },
          },
          actorOf(request),
        );
        return reply
          .code(201)
          .send({ user_id: result.userId, organization_id: result.organizationId, tokens: result.tokens });
      },
    );
    app.post(
      '/applicants',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Register as a prospective tenant of an organization',
          body: applicantBody,
          response: { 201: signUpResponse, 404: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { display_name, organization_id, ...rest } = request.body;
        const result = await signUps.registerApplicant(
          {
            ...rest,
            email: normalizeEmail(rest.email),
            displayName: display_name,
            organizationId: organization_id,
          },
          actorOf(request),
        );
        return reply
          .code(201)
          .send({ user_id: result.userId, organization_id: result.organizationId, tokens: result.tokens });
      },
    );
    app.post(
      '/login',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Sign in with email and password',
          body: loginBody,
          response: { 200: tokenPair, 403: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { email, password, organization_id } = request.body;
        return auth.login(normalizeEmail(email), password, organization_id, actorOf(request));
      },
    );
    app.post(
      '/refresh',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Rotate a refresh token',
          body: refreshBody,
          response: { 200: tokenPair, ...errors },
        },
      },
      async (request) => auth.refresh(request.body.refresh_token, actorOf(request)),
    );
    app.post(
      '/logout',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'End the session (revokes the refresh-token family)',
          body: refreshBody,
          response: { 204: { type: 'null' }, ...errors },
        },
      },
      async (request, reply) => {
        await auth.logout(request.body.refresh_token, actorOf(request));
        return reply.code(204).send();
      },
    );
  };
}

/** GET /v1/me: the caller, their principal, and every organization they belong to. */
export function meRoutes(db: IdentityDb): ServicePlugin {
  return async (app) => {
    app.get(
      '/',
      {
        schema: { tags, summary: 'The signed-in person', response: { 200: meResponse, 401: problemSchema } },
      },
      async (request) => {
        const principal = request.principal!;
        const userId = principal.userId;
        if (!userId) throw unauthorized('This endpoint is for people; partner credentials have no profile.');
        const found = await withLookup(db, 'user_id', userId, async (tx) => ({
          user: await findUserById(tx, userId),
          memberships: await membershipsOfUser(tx, userId),
        }));
        if (!found.user) throw unauthorized();
        return {
          user: { id: found.user.id, email: found.user.email, display_name: found.user.displayName },
          principal: {
            kind: principal.kind,
            organization_id: principal.orgId,
            roles: principal.roles,
            scopes: principal.scopes,
          },
          memberships: found.memberships.map((m) => ({
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
