import fastifyCookie from '@fastify/cookie';
import { Type } from '@sinclair/typebox';
import { problemSchema, strictObject, unauthorized, type ServicePlugin } from '@portfolioos/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller, IdentityAnswer, IdentitySessions } from './identity-sessions.js';
import { requireSameOrigin } from './same-origin.js';
import type { SessionCookie } from './session-cookie.js';
import { upstreamUnavailable } from './upstream.js';

const tags = ['session'];
/** What the page gets: the access token, kept in memory only; the refresh token stays in the cookie. */
const accessGrant = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the access token expires.' }),
});
const problems = Object.fromEntries([400, 401, 403, 404, 409, 422, 429, 503].map((s) => [s, problemSchema]));
const grantResponse = { 200: accessGrant, ...problems };
// Identity validates these bodies (its field errors come back as they are); the web service passes them on.
const identityBody = (name: string) =>
  Type.Object({}, { additionalProperties: true, description: `identity's ${name} body` });
const noBody = strictObject({});

export interface SessionRouteOptions {
  identity: IdentitySessions;
  cookie: SessionCookie;
  publicOrigin: string;
}

/**
 * /session/*: the web app's sign-in endpoints, in front of identity (a backend-for-frontend). The refresh
 * token lives in an httpOnly cookie scoped to /session; the page holds the short-lived access token in
 * memory, and gets a new one from /session/refresh (also after a reload).
 */
export function sessionRoutes({ identity, cookie, publicOrigin }: SessionRouteOptions): ServicePlugin {
  return async (app) => {
    await app.register(fastifyCookie);
    app.addHook('preHandler', requireSameOrigin(publicOrigin));
    const caller = (request: FastifyRequest): Caller => {
      const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      return { ip: request.ip, ...(bearer ? { accessToken: bearer } : {}) };
    };
    const refreshTokenOf = (request: FastifyRequest) => request.cookies[cookie.name];
    const grant = (reply: FastifyReply, answer: IdentityAnswer) => {
      reply.header('cache-control', 'no-store');
      if (!answer.ok) {
        if (answer.retryAfter) reply.header('retry-after', answer.retryAfter);
        return reply.code(answer.status).type('application/problem+json').send(answer.problem);
      }
      const { access_token, token_type, expires_in, refresh_token, refresh_expires_in } = answer.tokens;
      reply.setCookie(cookie.name, refresh_token, { ...cookie.attributes, maxAge: refresh_expires_in });
      return reply.send({ access_token, token_type, expires_in });
    };
    const signIn = (url: string, summary: string, call: IdentitySessions['login']) =>
      app.post(
        url,
        { schema: { tags, summary, body: identityBody(url.slice(1)), response: grantResponse } },
        async (request, reply) =>
          grant(reply, await call(request.body, caller(request)).catch(upstreamUnavailable(request))),
      );
    signIn('/signup', 'Create an account and organization, and sign in', identity.signUp);
    signIn('/login', 'Sign in with email and password', identity.login);
    signIn('/accept-invitation', 'Accept an invitation and sign in', identity.acceptInvitation);

    app.post(
      '/refresh',
      {
        schema: {
          tags,
          summary: 'A new access token for the session',
          body: noBody,
          response: grantResponse,
        },
      },
      async (request, reply) => {
        const refreshToken = refreshTokenOf(request);
        if (!refreshToken) throw unauthorized('There is no session; sign in.');
        const answer = await identity
          .refresh(refreshToken, caller(request))
          .catch(upstreamUnavailable(request));
        // A refused token (expired, revoked, reused) is over: drop it so the next visit starts signed out.
        if (!answer.ok && answer.status === 401) reply.clearCookie(cookie.name, cookie.attributes);
        return grant(reply, answer);
      },
    );
    app.post(
      '/switch-organization',
      {
        schema: {
          tags,
          summary: 'Act in another of your organizations (needs the current access token)',
          body: strictObject({ organization_id: Type.String({ format: 'uuid' }) }),
          response: grantResponse,
        },
      },
      async (request, reply) => {
        const previous = refreshTokenOf(request);
        const answer = await identity
          .switchOrganization(request.body.organization_id, caller(request))
          .catch(upstreamUnavailable(request));
        // The cookie now holds the new session; the one it replaces would otherwise linger unused for weeks.
        if (answer.ok && previous)
          await identity.logout(previous, caller(request)).catch((error: unknown) => {
            request.log.warn({ err: error }, 'session: the replaced session was not ended');
          });
        return grant(reply, answer);
      },
    );
    app.post(
      '/logout',
      {
        schema: {
          tags,
          summary: 'Sign out: ends the session and drops its cookie',
          body: noBody,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        const refreshToken = refreshTokenOf(request);
        if (refreshToken) {
          const ended = await identity
            .logout(refreshToken, caller(request))
            .catch(upstreamUnavailable(request));
          if (!ended) throw upstreamUnavailable(request)(new Error('identity refused the logout'));
        }
        reply.clearCookie(cookie.name, cookie.attributes);
        return reply.code(204).header('cache-control', 'no-store').send(null);
      },
    );
  };
}
