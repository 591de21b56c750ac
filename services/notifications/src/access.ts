import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, type Principal } from '@portfolioos/service-kit';
import type { NotificationsDb, NotificationsTx } from './db/database.js';

/** Staff who may read. */
export const staffReaders = { auth: { roles: ['owner', 'manager', 'accountant', 'viewer'] } };
/** Staff who may change things. */
export const staffWriters = { auth: { roles: ['owner', 'manager'] } };

/**
 * Runs `fn` in a transaction scoped to the caller's organization (row-level security sees it). Other
 * organizations' objects are simply not found (404).
 */
export function inCallerOrg<T>(
  db: NotificationsDb,
  principal: Principal | null,
  fn: (tx: NotificationsTx, orgId: string) => Promise<T>,
): Promise<T> {
  const orgId = principal?.orgId;
  if (!orgId) throw forbidden('This needs a token acting for an organization.');
  return withOrgTransaction(db, orgId, (tx) => fn(tx, orgId));
}
