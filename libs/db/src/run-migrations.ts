import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './create-database.js';

// Any constant works as long as every service uses the same one for migrations; each service has its own
// database, so the lock only serialises replicas of the same service booting together.
const MIGRATION_LOCK_KEY = 7_240_001;

/** Applies the committed drizzle-kit SQL migrations in `migrationsFolder` that have not run yet. */
export async function runMigrations<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  migrationsFolder: string,
): Promise<void> {
  // drizzle's migrator takes no lock, so two replicas booting at once could both apply a migration.
  // The advisory lock is per session, so the migration runs on the very connection holding it.
  const client = await db.$client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
