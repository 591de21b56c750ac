import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ProblemError } from '@portfolioos/service-kit';

export interface LoginGuardPolicy {
  maxFailures: number;
  lockoutSeconds: number;
  attemptsPerMinute: number;
}

const tooMany = (retryAfterSeconds: number, detail: string) =>
  new ProblemError({
    status: 429,
    slug: 'too-many-attempts',
    title: 'Too Many Requests',
    detail,
    extensions: { retry_after: retryAfterSeconds },
  });

/**
 * Login abuse limits in Redis: a fixed-window rate per client address, and a lockout per account after
 * repeated failures. Accounts are keyed by a hash of the submitted email whether or not it exists, so the
 * lockout itself does not reveal which emails have accounts.
 */
export class LoginGuard {
  constructor(
    private readonly redis: Redis,
    private readonly policy: LoginGuardPolicy,
    private readonly namespace = 'identity',
  ) {}

  /** Counts an attempt from `ip` on `action`; throws 429 past the per-minute budget. */
  async checkRate(action: string, ip: string): Promise<void> {
    const window = Math.floor(Date.now() / 60_000);
    const key = `${this.namespace}:rate:${action}:${ip}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 60).exec()) as [[null, number]];
    if (count > this.policy.attemptsPerMinute)
      throw tooMany(60 - (Math.floor(Date.now() / 1000) % 60), 'Too many attempts; try again shortly.');
  }

  /** Throws 429 while the account is locked. */
  async checkNotLocked(email: string): Promise<void> {
    const ttl = await this.redis.ttl(this.lockKey(email));
    if (ttl > 0) throw tooMany(ttl, 'Too many failed sign-ins; try again later.');
  }

  /** Records a failure; returns true when this one locked the account. */
  async recordFailure(email: string): Promise<boolean> {
    const key = `${this.namespace}:failures:${digest(email)}`;
    const [[, failures]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, this.policy.lockoutSeconds)
      .exec()) as [[null, number]];
    if (failures < this.policy.maxFailures) return false;
    await this.redis.multi().set(this.lockKey(email), '1', 'EX', this.policy.lockoutSeconds).del(key).exec();
    return true;
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(`${this.namespace}:failures:${digest(email)}`);
  }

  private lockKey(email: string): string {
    return `${this.namespace}:locked:${digest(email)}`;
  }
}

const digest = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex');
