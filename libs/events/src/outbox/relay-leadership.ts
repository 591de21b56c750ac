import type pg from 'pg';

// Any constant works; it only has to be the same for every relay of one database.
const RELAY_LOCK_KEY = 7_345_001;

/**
 * Session-level advisory lock held on a dedicated connection: whoever holds it is the one relay that
 * publishes for this database. If the connection drops, PostgreSQL releases the lock and this instance stops claiming leadership until it reconnects.
 */
export class RelayLeadership {
  private client: pg.PoolClient | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /** True when this instance holds the lock (taking it if free). */
  async acquire(): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
      RELAY_LOCK_KEY,
    ]);
    if (!rows[0]?.locked) {
      client.release();
      return false;
    }
    client.on('error', () => this.drop(client));
    this.client = client;
    return true;
  }

  /** Gives up the lock and the connection. */
  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = null;
    try {
      await client.query('select pg_advisory_unlock($1)', [RELAY_LOCK_KEY]);
      client.release();
    } catch {
      client.release(true);
    }
  }

  private drop(client: pg.PoolClient): void {
    if (this.client !== client) return;
    this.client = null;
    client.release(true);
  }
}
