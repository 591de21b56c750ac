import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, type Principal } from '@portfolioos/service-kit';
import type { ListingsDb, ListingsTx } from './db/database.js';

/** Staff who may read the portfolio. */
const STAFF_READERS = ['owner', 'manager', 'accountant', 'viewer'] as const;
/** Staff who may change it. */
const STAFF_WRITERS = ['owner', 'manager'] as const;

/**
 * Who may call the staff read routes: staff by role, partner credentials (API keys, client-credentials
 * tokens of the organization) holding `listings:read`.
 */
export const staffReaders = { auth: { roles: STAFF_READERS, scopes: ['listings:read'] } };
/** Who may call the staff write routes: owners and managers, partner credentials holding `listings:write`. */
export const staffWriters = { auth: { roles: STAFF_WRITERS, scopes: ['listings:write'] } };

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
