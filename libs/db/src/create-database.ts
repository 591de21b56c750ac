import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** A drizzle database bound to its own pg pool. */
export type Database<TSchema extends Record<string, unknown> = Record<string, never>> =
  NodePgDatabase<TSchema> & {
    $client: pg.Pool;
  };

/** The transaction handle drizzle passes to a `db.transaction` callback. */
export type Transaction<TSchema extends Record<string, unknown> = Record<string, never>> = Parameters<
  Parameters<Database<TSchema>['transaction']>[0]
>[0];

export interface CreateDatabaseOptions<TSchema extends Record<string, unknown>> {
  url: string;
  /** Upper bound on open connections from this process. */
  poolMax?: number;
  /** Shows up in pg_stat_activity, so a DBA can tell which service holds a connection. */
  applicationName: string;
  /** Drizzle tables, enabling `db.query.<table>` relational queries. */
  schema?: TSchema;
  /** Errors on idle pooled connections (e.g. the server restarted); without a listener they crash the process. */
  onIdleError?: (error: Error) => void;
}

export interface DatabaseHandle<TSchema extends Record<string, unknown>> {
  pool: pg.Pool;
  db: Database<TSchema>;
  /** Ends the pool; safe to call more than once. */
  close(): Promise<void>;
}

/** Opens a pg pool and the drizzle database over it. */
export function createDatabase<TSchema extends Record<string, unknown> = Record<string, never>>(
  options: CreateDatabaseOptions<TSchema>,
): DatabaseHandle<TSchema> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    application_name: options.applicationName,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  const db = options.schema ? drizzle(pool, { schema: options.schema }) : drizzle(pool);
  let closing: Promise<void> | undefined;
  return {
    pool,
    db: db as Database<TSchema>,
    close: () => (closing ??= pool.end()),
  };
}
