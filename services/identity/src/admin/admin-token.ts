import { Type } from '@sinclair/typebox';
import {
  forbidden,
  problemSchema,
  strictObject,
  unauthorized,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import type { LoginGuard } from '../abuse/login-guard.js';
import type { PasswordGate } from '../abuse/password-gate.js';
import { findUserByEmail } from '../users/repository.js';
import { normalizeEmail, signInFields } from '../http-schemas.js';
import type { TokenIssuer } from '../sessions/token-issuer.js';
import type { IdentityDb } from '../db/database.js';
import { isPlatformAdmin, recordPlatformAudit, type PlatformActor } from './repository.js';

const BAD_CREDENTIALS = 'The email or password is incorrect.';

/**
 * Platform admin sign-in: the same credentials and rate limit as login, and a lockout of its own
 * (so failures here never lock the person out of their ordinary sign-in), but the token is of kind
 * `admin`, carries no organization and opens admin routes only. No refresh token: an admin re-enters the
 * password when the (10-minute) token lapses, so a leaked admin credential is short-lived.
 */
export class AdminTokens {
  constructor(
    private readonly db: IdentityDb,
    private readonly issuer: TokenIssuer,
    private readonly gate: PasswordGate,
    private readonly guard: LoginGuard,
  ) {}

  async issue(email: string, password: string, actor: PlatformActor) {
    await this.guard.checkRate('admin-token', actor.ip ?? 'unknown');
    const user = await findUserByEmail(this.db, email);
    const who = { userId: null, kind: 'anonymous' as const, ip: actor.ip, userAgent: actor.userAgent };
    if (!(await this.gate.check({ channel: 'admin-token', email, user, password, actor: who })) || !user)
      throw unauthorized(BAD_CREDENTIALS);
    if (!(await isPlatformAdmin(this.db, user.id))) throw forbidden('This account is not a platform admin.');
    const token = await this.issuer.issue({ kind: 'admin', subject: user.id, orgId: null, roles: [] });
    await recordPlatformAudit(this.db, 'admin.token_issued', { ...actor, userId: user.id }, user.id);
    return token;
  }
}

/** POST /v1/auth/admin-token. */
export function adminTokenRoutes(tokens: AdminTokens): ServicePlugin {
  return async (app) => {
    app.post(
      '/admin-token',
      {
        config: { auth: { public: true } },
        schema: {
          tags: ['admin'],
          summary: 'Sign in as a platform admin (short-lived token, no refresh)',
          body: strictObject(signInFields),
          response: {
            200: Type.Object({
              access_token: Type.String(),
              token_type: Type.Literal('Bearer'),
              expires_in: Type.Integer(),
            }),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const actor = { userId: null, ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
        return tokens.issue(normalizeEmail(request.body.email), request.body.password, actor);
      },
    );
  };
}
