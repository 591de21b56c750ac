import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Principal } from './principal.js';

export interface ApiKeyCacheOptions {
  /** The longest a cached answer is used (default 60 s): bounds what a missed revocation can cost. */
  ttlMs?: number;
  /** Keys remembered per process (default 10,000); the least recently used go first. */
  max?: number;
}

/** Taken before an introspection: its answer is remembered only if nothing was missed meanwhile. */
export interface CacheTicket {
  readonly epoch: number;
}

/**
 * Recent introspection answers for partner API keys, so a key-authenticated request at a service other
 * than identity does not cost an identity round trip each time. Entries are keyed by a SHA-256 of the key
 * (never the secret), only positive answers are kept (a stream of random keys cannot fill it with
 * anything useful to an attacker), and the cache answers only while it is **live**: while this process
 * receives identity's revocation events (see the service runtime's api-key revocation listener). Those
 * events remove what they make stale: a revoked key, every key of an organization whose members changed
 * (a key dies with its creator's key-managing role), everything when a person is deactivated. While the
 * listener is down the cache is empty and every request is introspected, as before.
 */
export class ApiKeyCache {
  private readonly principals: LRUCache<string, Principal>;
  // Revoked keys never come back: an answer fetched before its revocation arrived is not remembered.
  private readonly revoked = new LRUCache<string, true>({ max: 10_000 });
  private live = false;
  private epoch = 0;

  constructor(options: ApiKeyCacheOptions = {}) {
    this.principals = new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 60_000 });
  }

  /** Whether revocations are being received; going down (or up again) forgets everything. */
  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    this.forgetAll();
  }

  get(key: string): Principal | undefined {
    return this.live ? this.principals.get(digest(key)) : undefined;
  }

  ticket(): CacheTicket {
    return { epoch: this.live ? this.epoch : -1 };
  }

  /** Remembers an active key's principal, until `expiresAt` (ms) at the latest. */
  remember(key: string, principal: Principal, ticket: CacheTicket, expiresAt: number | null): void {
    if (!this.live || ticket.epoch !== this.epoch || this.revoked.has(principal.subject)) return;
    const left = expiresAt === null ? undefined : expiresAt - Date.now();
    if (left !== undefined && left <= 0) return;
    this.principals.set(digest(key), principal, left === undefined ? {} : { ttl: left });
  }

  /** ApiKeyRevoked. */
  revokeKey(keyId: string): void {
    this.revoked.set(keyId, true);
    this.forgetWhere((principal) => principal.subject === keyId);
  }

  /** Membership revoked or changed in `orgId`: a key there may have lost its creator's entitlement. */
  forgetOrganization(orgId: string): void {
    this.forgetWhere((principal) => principal.orgId === orgId);
  }

  /** A person was deactivated (in every organization), or an event could not be read. */
  forgetAll(): void {
    this.epoch++;
    this.principals.clear();
  }

  // An introspection in flight may have read the state this change ended: a new epoch refuses its answer.
  private forgetWhere(stale: (principal: Principal) => boolean): void {
    this.epoch++;
    for (const [hash, principal] of this.principals.entries())
      if (stale(principal)) this.principals.delete(hash);
  }
}

const digest = (key: string): string => createHash('sha256').update(key).digest('base64url');
