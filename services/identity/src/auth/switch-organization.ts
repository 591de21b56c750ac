import { withOrgTransaction } from '@portfolioos/db';
import {
  notFound,
  problemSchema,
  strictObject,
  unauthorized,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import { actorOf, recordAudit, type AuditActor } from '../audit/audit-log.js';
import { withLookup, type IdentityDb } from '../db/database.js';
import { personOf } from '../users/person-scope.js';
import { findUserById, membershipsOfUser } from '../users/repository.js';
import { tokenPair, uuid } from '../http-schemas.js';
import { startSession, type TokenPair } from '../sessions/sessions.js';
import type { TokenIssuer } from '../sessions/token-issuer.js';

/**
 * Moves a person to another of their organizations: a new session (access + refresh pair) acting there with
 * their role there. The session they came from stays valid (another tab may still use it).
 */
export class OrganizationSwitch {
  constructor(
    private readonly db: IdentityDb,
    private readonly issuer: TokenIssuer,
    private readonly refreshTtlSeconds: number,
  ) {}

  async switchTo(
    userId: string,
    fromOrgId: string | null,
    orgId: string,
    actor: AuditActor,
  ): Promise<TokenPair> {
    const { user, mine } = await withLookup(this.db, 'user_id', userId, async (tx) => ({
      user: await findUserById(tx, userId),
      mine: await membershipsOfUser(tx, userId),
    }));
    // An access token outlives deactivation by up to its lifetime; it must not buy a fresh session.
    if (!user || user.deactivatedAt) throw unauthorized('This account is deactivated.');
    const target = mine.find((m) => m.orgId === orgId);
    // Same answer whether the organization exists or not: non-members learn nothing about it.
    if (!target) throw notFound('No such organization.');
    return withOrgTransaction(this.db, orgId, async (tx) => {
      await recordAudit(tx, orgId, 'user.switched_organization', actor, userId, { from: fromOrgId ?? '' });
      return startSession(tx, this.issuer, this.refreshTtlSeconds, { userId, orgId, roles: [target.role] });
    });
  }
}

/** POST /v1/auth/switch-organization. */
export function switchOrganizationRoutes(switcher: OrganizationSwitch): ServicePlugin {
  return async (app) => {
    app.post(
      '/switch-organization',
      {
        schema: {
          tags: ['auth'],
          summary: 'Get tokens for another organization you belong to',
          body: strictObject({ organization_id: uuid }),
          response: {
            200: tokenPair,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const userId = personOf(principal);
        return switcher.switchTo(userId, principal.orgId, request.body.organization_id, actorOf(request));
      },
    );
  };
}
