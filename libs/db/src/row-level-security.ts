import { sql } from 'drizzle-orm';
import { pgPolicy, type PgPolicy } from 'drizzle-orm/pg-core';

/**
 * The organization the current transaction acts for, or NULL. `nullif` matters: once a session has run
 * set_config('app.org_id', ..., true), the setting reads '' (not NULL) after that transaction ends, and
 * ''::uuid would raise instead of matching nothing.
 */
export const currentOrgIdSql = sql`nullif(current_setting('app.org_id', true), '')::uuid`;

export interface OrgIsolationPolicyOptions {
  /** Column holding the owning organization's id. */
  column?: string;
  /** Policy name; unique per table. */
  name?: string;
}

/**
 * The drizzle `pgPolicy` isolating a table by organization, for all commands (USING and WITH CHECK).
 * Declaring it in db/schema.ts makes drizzle-kit emit ENABLE ROW LEVEL SECURITY and CREATE POLICY;
 * the table still needs FORCE (see `forceRowLevelSecuritySql`) because the service role owns it.
 */
export function orgIsolationPolicy(options: OrgIsolationPolicyOptions = {}): PgPolicy {
  const condition = sql`${sql.identifier(options.column ?? 'org_id')} = ${currentOrgIdSql}`;
  return pgPolicy(options.name ?? 'org_isolation', {
    as: 'permissive',
    for: 'all',
    using: condition,
    withCheck: condition,
  });
}

/**
 * SQL for a custom migration that makes policies bind the table owner too. drizzle-kit has no FORCE
 * option, so run `drizzle-kit generate --custom --name force-rls` and paste this output into that file.
 */
export function forceRowLevelSecuritySql(tables: readonly string[]): string {
  return tables
    .map((table) => `ALTER TABLE "${table.replaceAll('"', '""')}" FORCE ROW LEVEL SECURITY;`)
    .join('\n--> statement-breakpoint\n');
}
