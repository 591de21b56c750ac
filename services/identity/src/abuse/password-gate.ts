import { withOrgTransaction } from '@portfolioos/db';
import { recordAudit, type AuditActor } from '../audit/audit-log.js';
import { membershipsOfUser, type UserRow } from '../users/repository.js';
import type { PasswordHasher } from '../crypto/passwords.js';
import { withLookup, type IdentityDb } from '../db/database.js';
import type { LoginGuard } from './login-guard.js';

/** Every place a password is checked; a new one gets a name here, never its own verify call. */
export type PasswordChannel = 'login' | 'admin-token' | 'accept-invitation' | 'deactivate';

export interface PasswordAttempt {
  channel: PasswordChannel;
  /** The email the attempt names (normalized); the lockout is keyed by it whether or not it has an account. */
  email: string;
  /** The account with that email, if any. */
  user: UserRow | undefined;
  password: string;
  actor: AuditActor;
}

/**
 * The one way a password is checked: the account's attempt budget (429 once spent), an argon2 check that
 * costs the same whether or not the account exists, and failures shown in the audit log of each of the
 * account's organizations. Every channel but admin sign-in shares one budget per account, so no endpoint is
 * an extra guessing channel (an invitation for the victim's email was one: issue #10).
 */
export class PasswordGate {
  constructor(
    private readonly db: IdentityDb,
    private readonly passwords: PasswordHasher,
    private readonly guard: LoginGuard,
  ) {}

  /** True when `password` is the live account's; false for a wrong password, unknown or deactivated account. */
  async check(attempt: PasswordAttempt): Promise<boolean> {
    const pool = attempt.channel === 'admin-token' ? 'admin' : 'account';
    const admitted = await this.guard.admitAttempt(pool, attempt.email);
    const { user } = attempt;
    const valid = await this.passwords.verify(user?.passwordHash, attempt.password);
    if (valid && user && !user.deactivatedAt) {
      await this.guard.recordSuccess(admitted);
      return true;
    }
    if (user) {
      const action = this.guard.lockedBy(admitted) ? 'user.locked_out' : 'user.sign_in_failed';
      await this.auditEverywhere(user.id, action, attempt);
    }
    return false;
  }

  // A failed attempt is shown to every organization the person belongs to.
  private async auditEverywhere(
    userId: string,
    action: 'user.sign_in_failed' | 'user.locked_out',
    attempt: PasswordAttempt,
  ): Promise<void> {
    const mine = await withLookup(this.db, 'user_id', userId, (tx) => membershipsOfUser(tx, userId));
    for (const { orgId } of mine) {
      await withOrgTransaction(this.db, orgId, (tx) =>
        recordAudit(tx, orgId, action, attempt.actor, userId, { channel: attempt.channel }),
      );
    }
  }
}
