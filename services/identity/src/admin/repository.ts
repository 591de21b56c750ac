import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor, IdentityTx } from '../db/database.js';
import { organizations, platformAdmins, platformAuditEvents, users } from '../db/schema.js';
import { before, exactInstantOf, type Position } from '../paging/cursor-position.js';

/** Admin actions, recorded outside every organization. */
export type PlatformAuditAction =
  | 'admin.granted'
  | 'admin.revoked'
  | 'admin.token_issued'
  | 'admin.user_deactivated'
  | 'admin.signing_key_rotated';

export interface PlatformActor {
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export async function recordPlatformAudit(
  tx: Executor,
  action: PlatformAuditAction,
  actor: PlatformActor,
  subject: string | null,
  details: Record<string, string> = {},
): Promise<void> {
  await tx
    .insert(platformAuditEvents)
    .values({ action, actorUserId: actor.userId, subject, ...actor, details });
}

export async function isPlatformAdmin(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select().from(platformAdmins).where(eq(platformAdmins.userId, userId));
  return row !== undefined;
}

/** Grants platform admin to the user (again: no-op). */
export async function insertPlatformAdmin(tx: IdentityTx, userId: string, grantedBy: string): Promise<void> {
  await tx.insert(platformAdmins).values({ userId, grantedBy }).onConflictDoNothing();
}

export async function deletePlatformAdmin(tx: IdentityTx, userId: string): Promise<void> {
  await tx.delete(platformAdmins).where(eq(platformAdmins.userId, userId));
}

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

/** Which platform audit events to list; `since` is inclusive and `until` exclusive (ISO date-times). */
export interface PlatformAuditFilter {
  action?: string;
  actorUserId?: string;
  since?: string;
  until?: string;
}

/**
 * One page of the platform audit log, newest first with the id as tie-break (walks the
 * (occurred_at, id) index backwards). Each row carries `position`, its exact cursor position.
 */
export function listPlatformAuditEvents(
  db: Executor,
  filter: PlatformAuditFilter,
  limit: number,
  after?: Position,
) {
  const { occurredAt, id, action, actorUserId } = platformAuditEvents;
  return db
    .select({ event: platformAuditEvents, position: exactInstantOf(occurredAt) })
    .from(platformAuditEvents)
    .where(
      and(
        filter.action === undefined ? undefined : eq(action, filter.action),
        filter.actorUserId === undefined ? undefined : eq(actorUserId, filter.actorUserId),
        filter.since === undefined ? undefined : sql`${occurredAt} >= ${filter.since}::timestamptz`,
        filter.until === undefined ? undefined : sql`${occurredAt} < ${filter.until}::timestamptz`,
        before(occurredAt, id, after),
      ),
    )
    .orderBy(desc(occurredAt), desc(id))
    .limit(limit);
}
