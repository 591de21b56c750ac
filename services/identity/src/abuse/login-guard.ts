import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ProblemError } from '@portfolioos/service-kit';

export interface LoginGuardPolicy {
  maxFailures: number;
  lockoutSeconds: number;
  attemptsPerMinute: number;
}

/**
 * Which password-attempt budget an attempt draws on. Platform admin sign-in has its own, so nobody can lock
 * an admin out of their ordinary sign-in by failing at the admin-token endpoint (and the other way round).
 */
export type AttemptPool = 'account' | 'admin';

/** A password attempt admitted by {@link LoginGuard.admitAttempt}: its place in the account's budget. */
export interface AdmittedAttempt {
  pool: AttemptPool;
  email: string;
  /** 1 for the first attempt of the window; the attempt numbered `maxFailures` locks when it fails. */
  position: number;
}

const tooMany = (retryAfterSeconds: number, detail: string) =>
  new ProblemError({
    status: 429,
    slug: 'too-many-attempts',
    title: 'Too Many Requests',
    detail,
    extensions: { retry_after: retryAfterSeconds },
  });

// Counts first, then decides, in one atomic step: parallel guesses each get their own position, so no more
// than `maxFailures` of them are ever let through to the password check. The window starts at the first
// attempt and is not extended by later ones.
const ADMIT_ATTEMPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

/**
 * Password-guessing limits in Redis: a fixed-window rate per client address and endpoint, and a budget of
 * attempts per account. Accounts are keyed by a hash of the submitted email whether or not it exists, so the
 * lockout itself does not reveal which emails have accounts. {@link PasswordGate} is the only caller of the
 * account budget; endpoints call {@link checkRate}.
 */
export class LoginGuard {
  constructor(
    private readonly redis: Redis,
    private readonly policy: LoginGuardPolicy,
    private readonly namespace = 'identity',
  ) {}

  get maxFailures(): number {
    return this.policy.maxFailures;
  }

  /** Counts an attempt from `ip` on `action`; throws 429 past the per-minute budget. */
  async checkRate(action: string, ip: string): Promise<void> {
    const window = Math.floor(Date.now() / 60_000);
    const key = `${this.namespace}:rate:${action}:${ip}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 60).exec()) as [[null, number]];
    if (count > this.policy.attemptsPerMinute)
      throw tooMany(60 - (Math.floor(Date.now() / 1000) % 60), 'Too many attempts; try again shortly.');
  }

  /**
   * Takes a place in the account's attempt budget before the password is checked; throws 429 when the budget
   * is spent (the account is locked until the window ends, even for the right password).
   */
  async admitAttempt(pool: AttemptPool, email: string): Promise<AdmittedAttempt> {
    const [position, ttl] = (await this.redis.eval(
      ADMIT_ATTEMPT,
      1,
      this.attemptsKey(pool, email),
      this.policy.lockoutSeconds,
    )) as [number, number];
    if (position > this.policy.maxFailures) throw tooMany(ttl, 'Too many failed sign-ins; try again later.');
    return { pool, email, position };
  }

  /** True when this failed attempt was the one that spent the budget (the account is now locked). */
  lockedBy(attempt: AdmittedAttempt): boolean {
    return attempt.position === this.policy.maxFailures;
  }

  /** The right password: the account's budget starts afresh. */
  async recordSuccess(attempt: AdmittedAttempt): Promise<void> {
    await this.redis.del(this.attemptsKey(attempt.pool, attempt.email));
  }

  private attemptsKey(pool: AttemptPool, email: string): string {
    return `${this.namespace}:attempts:${pool}:${digest(email)}`;
  }
}

const digest = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex');
