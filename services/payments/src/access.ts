import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, type Principal } from '@portfolioos/service-kit';
import type { PaymentsDb, PaymentsTx } from './db/database.js';

const STAFF_READERS = ['owner', 'manager', 'accountant', 'viewer'] as const;

/** Staff who may read the books; partner credentials holding `ledger:read`. */
export const staffReaders = { auth: { roles: STAFF_READERS, scopes: ['ledger:read'] } };
/** Who may post charges, credits and voids: owners and managers. */
export const chargeWriters = { auth: { roles: ['owner', 'manager'] } };
/** Who may record (and reverse) received payments: owners, managers, accountants; `ledger:write` partners. */
export const paymentRecorders = {
  auth: { roles: ['owner', 'manager', 'accountant'], scopes: ['ledger:write'] },
};
/** Lease ledger reads: staff readers and tenants of the renter portal (their own leases only). */
export const leaseLedgerReaders = { auth: { roles: [...STAFF_READERS, 'tenant'], scopes: ['ledger:read'] } };

/**
 * The tenant-portal user a read is narrowed to: a person who is a `tenant` of the organization and holds
 * no staff role. Staff and partner credentials get null (they see the whole organization).
 */
export function portalUserOf(principal: Principal | null): string | null {
  if (!principal || principal.kind !== 'user' || !principal.userId) return null;
  const isStaff = principal.roles.some((role) => (STAFF_READERS as readonly string[]).includes(role));
  return !isStaff && principal.roles.includes('tenant') ? principal.userId : null;
}

/** The staff user behind a call, recorded on what it creates (null for partner credentials). */
export const actorOf = (principal: Principal | null): string | null =>
  principal?.kind === 'user' ? principal.userId : null;

/**
 * Runs `fn` in a transaction scoped to the caller's organization (row-level security sees it). Other
 * organizations' objects are simply not found (404).
 */
export function inCallerOrg<T>(
  db: PaymentsDb,
  principal: Principal | null,
  fn: (tx: PaymentsTx, orgId: string) => Promise<T>,
): Promise<T> {
  const orgId = principal?.orgId;
  if (!orgId) throw forbidden('This needs a token acting for an organization.');
  return withOrgTransaction(db, orgId, (tx) => fn(tx, orgId));
}
