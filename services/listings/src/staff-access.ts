import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, type Principal } from '@portfolioos/service-kit';
import type { ListingsDb, ListingsTx } from './db/database.js';

/** Staff who may read the portfolio. */
export const STAFF_READERS = ['owner', 'manager', 'accountant', 'viewer'] as const;
/** Staff who may change it. */
export const STAFF_WRITERS = ['owner', 'manager'] as const;

/**
 * Runs `fn` in a transaction scoped to the caller's organization. Everything the listings staff API
 * touches belongs to that organization; other organizations' objects are simply not found (404).
 */
export function inCallerOrg<T>(
  db: ListingsDb,
  principal: Principal | null,
  fn: (tx: ListingsTx, orgId: string) => Promise<T>,
): Promise<T> {
  const orgId = principal?.orgId;
  if (!orgId) throw forbidden('This needs a token acting for an organization.');
  return withOrgTransaction(db, orgId, (tx) => fn(tx, orgId));
}
