import { sql } from 'drizzle-orm';
import type { Database } from './create-database.js';

/**
 * Tables in `schemaName` that have policies but would not bind their owner (RLS disabled or not FORCEd).
 * A service test asserting this is empty catches a forgotten force-rls migration.
 */
export async function findUnforcedPolicyTables<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  schemaName = 'public',
): Promise<string[]> {
  const result = await db.execute<{ table_name: string }>(sql`
    select c.relname as table_name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schemaName}
      and exists (select 1 from pg_policy p where p.polrelid = c.oid)
      and not (c.relrowsecurity and c.relforcerowsecurity)
    order by c.relname`);
  return result.rows.map((row) => row.table_name);
}
