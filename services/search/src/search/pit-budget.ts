/** The caps on open points in time, and how long one outlives the page that last used it. */
export interface PitLimits {
  perClient: number;
  total: number;
  keepAliveMs: number;
}

/** A reserved place for one point in time: bind it to the id once opened, or release it. */
export interface PitSlot {
  bind(pitId: string): void;
  release(): void;
}

interface Held {
  client: string;
  expiresAt: number;
}

/**
 * Bounds the points in time (PIT) this replica keeps open in Elasticsearch, per client address and in
 * total. Every search is anonymous and each first page opens a PIT that lives until its last page or its
 * keep-alive, so without a bound one client could pin thousands (each holds segment readers and keeps
 * merged-away segments on disk). A search over budget is still answered, from the live index (see
 * ListingsSearch), so a shared address (an office behind one NAT) degrades to weaker paging, never to
 * errors.
 *
 * In memory, per replica: the bound is `total` × replicas, and no Redis round trip sits on the search
 * path. A PIT paged through another replica than the one that opened it is adopted there on its next
 * page, so it is counted where it is kept alive.
 */
export class PitBudget {
  private readonly held = new Map<string | symbol, Held>();
  private readonly perClient = new Map<string, number>();

  constructor(
    private readonly limits: PitLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Open points in time, including reserved ones not yet opened. */
  get size(): number {
    this.sweep();
    return this.held.size;
  }

  /** A slot for one more PIT of `client`, or null when the client or the replica is at its cap. */
  reserve(client: string): PitSlot | null {
    this.sweep();
    if (this.held.size >= this.limits.total) return null;
    if ((this.perClient.get(client) ?? 0) >= this.limits.perClient) return null;
    const reservation = Symbol('pit');
    this.hold(reservation, client);
    let key: string | symbol = reservation;
    return {
      bind: (pitId) => {
        this.drop(key);
        key = pitId;
        this.hold(pitId, client);
      },
      release: () => this.drop(key),
    };
  }

  /** A page read `pitId` (which extends its keep-alive): counted from now, adopted if opened elsewhere. */
  touched(pitId: string, client: string): void {
    const held = this.held.get(pitId);
    if (held) held.expiresAt = this.now() + this.limits.keepAliveMs;
    else this.hold(pitId, client);
  }

  /** `pitId` was closed (last page served) or found expired. */
  closed(pitId: string): void {
    this.drop(pitId);
  }

  private hold(key: string | symbol, client: string): void {
    this.held.set(key, { client, expiresAt: this.now() + this.limits.keepAliveMs });
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
  }

  private drop(key: string | symbol): void {
    const held = this.held.get(key);
    if (!held) return;
    this.held.delete(key);
    const count = (this.perClient.get(held.client) ?? 1) - 1;
    if (count > 0) this.perClient.set(held.client, count);
    else this.perClient.delete(held.client);
  }

  // At most `total` entries, so a scan per first page costs microseconds.
  private sweep(): void {
    const now = this.now();
    for (const [key, held] of this.held) if (held.expiresAt <= now) this.drop(key);
  }
}

/** Milliseconds of an Elasticsearch time value as the config allows it (`90s`, `2m`, `1h`). */
export function keepAliveMillis(value: string): number {
  const match = /^([1-9][0-9]*)([smh])$/.exec(value);
  if (!match) throw new Error(`not a keep-alive: ${value}`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}
