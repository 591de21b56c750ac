import { and, asc, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor, IdentityTx } from '../db/database.js';
import { organizations, users } from '../db/schema.js';
import type { Position } from '../paging/cursor-position.js';

// `q` is matched literally: LIKE wildcards in it are escaped.
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Cursors carry milliseconds (JS dates) while PostgreSQL keeps microseconds; ordering and comparing on the
// millisecond-truncated time keeps a row from reappearing on the next page.
const msOf = (createdAt: AnyPgColumn) => sql`date_trunc('milliseconds', ${createdAt})`;

function after(createdAt: AnyPgColumn, id: AnyPgColumn, position?: Position): SQL | undefined {
  if (!position) return undefined;
  return sql`(${msOf(createdAt)}, ${id}) > (${position.at}::timestamptz, ${position.id}::uuid)`;
}

/** Organizations across the platform, oldest first (inside a `platform_admin` lookup transaction). */
export function searchOrganizations(
  tx: IdentityTx,
  q: string | undefined,
  limit: number,
  position?: Position,
) {
  const match = q
    ? or(ilike(organizations.name, containing(q)), ilike(organizations.slug, containing(q)))
    : undefined;
  return tx
    .select()
    .from(organizations)
    .where(and(match, after(organizations.createdAt, organizations.id, position)))
    .orderBy(asc(msOf(organizations.createdAt)), asc(organizations.id))
    .limit(limit);
}

/** People across the platform, oldest first; `q` matches email or name. */
export function searchUsers(db: Executor, q: string | undefined, limit: number, position?: Position) {
  const match = q
    ? or(ilike(users.email, containing(q)), ilike(users.displayName, containing(q)))
    : undefined;
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      createdAt: users.createdAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(and(match, after(users.createdAt, users.id, position)))
    .orderBy(asc(msOf(users.createdAt)), asc(users.id))
    .limit(limit);
}
