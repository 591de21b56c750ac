import { problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { actorOf } from '../audit/audit-log.js';
import { normalizeEmail, tokenPair } from '../http-schemas.js';
import { applicantBody, loginBody, refreshBody, signUpBody, signUpResponse } from './schemas.js';
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
