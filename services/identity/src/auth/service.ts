import { and, eq } from 'drizzle-orm';
import { withOrgTransaction, withTransaction } from '@portfolioos/db';
import { forbidden, unauthorized } from '@portfolioos/service-kit';
import type { LoginGuard } from '../abuse/login-guard.js';
import type { PasswordGate } from '../abuse/password-gate.js';
import { recordAudit, type AuditActor } from '../audit/audit-log.js';
import { hashSecret } from '../crypto/secrets.js';
import { withLookup, type IdentityDb } from '../db/database.js';
import { memberships } from '../db/schema.js';
import { findUserByEmail, findUserById, membershipsOfUser } from '../users/repository.js';
import {
  findRefreshTokenForUpdate,
  claimRotation,
  insertRefreshToken,
  revokeSession,
  type SessionRow,
} from '../sessions/repository.js';
import { newRefreshToken, startSession, type TokenPair } from '../sessions/sessions.js';
import type { TokenIssuer } from '../sessions/token-issuer.js';

const BAD_CREDENTIALS = 'The email or password is incorrect.';
const BAD_REFRESH = 'The refresh token is not valid; sign in again.';

/** Login, refresh-token rotation with reuse detection, logout. */
export class AuthService {
  constructor(
    private readonly db: IdentityDb,
    private readonly issuer: TokenIssuer,
    private readonly gate: PasswordGate,
    private readonly guard: LoginGuard,
    private readonly refreshTtlSeconds: number,
  ) {}

  async login(
    email: string,
    password: string,
    orgId: string | undefined,
    actor: AuditActor,
  ): Promise<TokenPair> {
    await this.guard.checkRate('login', actor.ip ?? 'unknown');
    const user = await findUserByEmail(this.db, email);
    if (!(await this.gate.check({ channel: 'login', email, user, password, actor })) || !user)
      throw unauthorized(BAD_CREDENTIALS);
    const mine = await withLookup(this.db, 'user_id', user.id, (tx) => membershipsOfUser(tx, user.id));
    const chosen = orgId === undefined ? mine[0] : mine.find((m) => m.orgId === orgId);
    if (orgId !== undefined && !chosen) throw forbidden('You are not a member of that organization.');
    if (!chosen) return withTransaction(this.db, (tx) => this.start(tx, user.id, null, []));
    return withOrgTransaction(this.db, chosen.orgId, async (tx) => {
      await recordAudit(
        tx,
        chosen.orgId,
        'user.signed_in',
        { ...actor, userId: user.id, kind: 'user' },
        user.id,
      );
      return this.start(tx, user.id, chosen.orgId, [chosen.role]);
    });
  }

  /** Exchanges a refresh token for new tokens; presenting an already-rotated one revokes its whole family. */
  async refresh(refreshToken: string, actor: AuditActor): Promise<TokenPair> {
    await this.guard.checkRate('refresh', actor.ip ?? 'unknown');
    const outcome = await withTransaction(this.db, async (tx) => {
      const found = await findRefreshTokenForUpdate(tx, hashSecret(refreshToken));
      if (!found) return { kind: 'invalid' as const };
      const { token, session } = found;
      const reused = async () => {
        await revokeSession(tx, session.id, 'refresh_token_reused');
        return { kind: 'reused' as const, session };
      };
      if (token.rotatedAt) return reused();
      if (session.revokedAt || session.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      // A session started by a sign-in racing the account's deactivation escaped its revocation: end it now.
      const user = await findUserById(tx, session.userId);
      if (!user || user.deactivatedAt) {
        await revokeSession(tx, session.id, 'user_deactivated');
        return { kind: 'invalid' as const };
      }
      if (!(await claimRotation(tx, token.id))) return reused();
      const next = newRefreshToken();
      await insertRefreshToken(tx, session.id, hashSecret(next));
      return { kind: 'rotated' as const, session, next };
    });
    if (outcome.kind === 'invalid') throw unauthorized(BAD_REFRESH);
    if (outcome.kind === 'reused') {
      await this.auditSession(outcome.session, 'session.refresh_reused', actor);
      throw unauthorized(BAD_REFRESH);
    }
    const { session, next } = outcome;
    // Roles are read afresh, so a role change or removal takes effect at the next refresh.
    const roles = session.orgId ? await this.currentRoles(session.orgId, session.userId) : [];
    if (session.orgId && roles.length === 0) {
      // No longer a member there (removed, or a membership change raced the sign-in): the family ends.
      await withTransaction(this.db, (tx) => revokeSession(tx, session.id, 'membership_ended'));
      throw unauthorized(BAD_REFRESH);
    }
    const access = await this.issuer.issue({
      kind: 'user',
      subject: session.userId,
      orgId: session.orgId,
      roles,
      sessionId: session.id,
    });
    return { ...access, refresh_token: next, refresh_expires_in: this.refreshTtlSeconds };
  }

  /** Ends the session the refresh token belongs to (any token of the family will do). */
  async logout(refreshToken: string, actor: AuditActor): Promise<void> {
    const session = await withTransaction(this.db, async (tx) => {
      const found = await findRefreshTokenForUpdate(tx, hashSecret(refreshToken));
      if (found && !found.session.revokedAt) await revokeSession(tx, found.session.id, 'logout');
      return found?.session;
    });
    if (session && !session.revokedAt) await this.auditSession(session, 'session.logged_out', actor);
  }

  private start(
    tx: Parameters<typeof startSession>[0],
    userId: string,
    orgId: string | null,
    roles: string[],
  ) {
    return startSession(tx, this.issuer, this.refreshTtlSeconds, { userId, orgId, roles });
  }

  private async currentRoles(orgId: string, userId: string): Promise<string[]> {
    const rows = await withOrgTransaction(this.db, orgId, (tx) =>
      tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId))),
    );
    return rows.map((row) => row.role);
  }

  private async auditSession(
    session: SessionRow,
    action: 'session.refresh_reused' | 'session.logged_out',
    actor: AuditActor,
  ) {
    if (!session.orgId) return;
    await withOrgTransaction(this.db, session.orgId, (tx) =>
      recordAudit(tx, session.orgId!, action, { ...actor, userId: session.userId, kind: 'user' }, session.id),
    );
  }
}
