import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, type Principal } from '@portfolioos/service-kit';
import type { MaintenanceDb, MaintenanceTx } from './db/database.js';

export const STAFF_READERS = ['owner', 'manager', 'accountant', 'viewer'] as const;
const STAFF_WRITERS = ['owner', 'manager'] as const;

/** Staff who may read; partner credentials holding `maintenance:read`. */
export const staffReaders = { auth: { roles: STAFF_READERS, scopes: ['maintenance:read'] } };
/** Staff who may change things: owners and managers; partner credentials holding `maintenance:write`. */
export const staffWriters = { auth: { roles: STAFF_WRITERS, scopes: ['maintenance:write'] } };
/** Requests: staff, and tenants of the renter portal (narrowed to their own in the service). */
export const requestReaders = { auth: { roles: [...STAFF_READERS, 'tenant'], scopes: ['maintenance:read'] } };
export const requestWriters = {
  auth: { roles: [...STAFF_WRITERS, 'tenant'], scopes: ['maintenance:write'] },
};

/** Work orders: staff, and vendor portal users (narrowed to the ones assigned to their vendor). */
export const workOrderReaders = {
  auth: { roles: [...STAFF_READERS, 'vendor'], scopes: ['maintenance:read'] },
};
export const workOrderWriters = {
  auth: { roles: [...STAFF_WRITERS, 'vendor'], scopes: ['maintenance:write'] },
};

/** Who a caller is to this service: staff see the organization, portal users only their own objects. */
export type Actor =
  | { kind: 'staff'; orgId: string; userId: string | null; canWrite: boolean }
  | { kind: 'tenant'; orgId: string; userId: string }
  | { kind: 'vendor'; orgId: string; userId: string };

/**
 * The actor behind a principal. Any staff role wins over a portal role (a manager who also rents is
 * staff here); a person holding only portal roles is narrowed to its own objects.
 */
export function actorOf(principal: Principal | null): Actor {
  const orgId = principal?.orgId;
  if (!principal || !orgId) throw forbidden('This needs a token acting for an organization.');
  const has = (roles: readonly string[]) => principal.roles.some((role) => roles.includes(role));
  if (principal.kind !== 'user' || has(STAFF_READERS)) {
    const canWrite =
      principal.kind === 'user' ? has(STAFF_WRITERS) : principal.scopes.includes('maintenance:write');
    return { kind: 'staff', orgId, userId: principal.userId, canWrite };
  }
  if (!principal.userId) throw forbidden();
  if (principal.roles.includes('tenant')) return { kind: 'tenant', orgId, userId: principal.userId };
  if (principal.roles.includes('vendor')) return { kind: 'vendor', orgId, userId: principal.userId };
  throw forbidden();
}

/**
 * Runs `fn` in a transaction scoped to the actor's organization (row-level security sees it). Other
 * organizations' objects are simply not found (404).
 */
export function inActorOrg<T>(
  db: MaintenanceDb,
  actor: Actor,
  fn: (tx: MaintenanceTx, orgId: string) => Promise<T>,
): Promise<T> {
  return withOrgTransaction(db, actor.orgId, (tx) => fn(tx, actor.orgId));
}
