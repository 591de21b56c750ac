import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, type Principal } from '@portfolioos/service-kit';
import type { LeasingDb, LeasingTx } from './db/database.js';

const STAFF_READERS = ['owner', 'manager', 'accountant', 'viewer'] as const;
const STAFF_WRITERS = ['owner', 'manager'] as const;

/** Staff who may read tenants and leases; partner credentials holding `leasing:read`. */
export const staffReaders = { auth: { roles: STAFF_READERS, scopes: ['leasing:read'] } };
/** Staff who may change them: owners and managers; partner credentials holding `leasing:write`. */
export const staffWriters = { auth: { roles: STAFF_WRITERS, scopes: ['leasing:write'] } };
/** The lease reads: staff readers, and tenants of the renter portal (who see only their own leases). */
export const leaseReaders = {
  auth: { roles: [...STAFF_READERS, 'tenant'], scopes: ['leasing:read'] },
};

/**
 * The portal user a read is narrowed to: a person who holds `role` (`tenant` of the renter portal, or
 * `applicant`) in the organization and no staff role. Staff and partner credentials get null (they see
 * the whole organization).
 */
export function portalUserOf(
  principal: Principal | null,
  role: 'tenant' | 'applicant' = 'tenant',
): string | null {
  if (!principal || principal.kind !== 'user' || !principal.userId) return null;
  const isStaff = principal.roles.some((r) => (STAFF_READERS as readonly string[]).includes(r));
  return !isStaff && principal.roles.includes(role) ? principal.userId : null;
}

/**
 * Runs `fn` in a transaction scoped to the caller's organization (row-level security sees it). Other
 * organizations' objects are simply not found (404).
 */
export function inCallerOrg<T>(
  db: LeasingDb,
  principal: Principal | null,
  fn: (tx: LeasingTx, orgId: string) => Promise<T>,
): Promise<T> {
  const orgId = principal?.orgId;
  if (!orgId) throw forbidden('This needs a token acting for an organization.');
  return withOrgTransaction(db, orgId, (tx) => fn(tx, orgId));
}

/** Applications: staff readers see an organization's, applicants only their own. */
export const applicationReaders = {
  auth: { roles: [...STAFF_READERS, 'applicant'], scopes: ['leasing:read'] },
};
/** Applying and changing one's own application: identity users with the `applicant` role. */
export const applicants = { auth: { roles: ['applicant'] } };
/**
 * Decisions on applications and screening: owners and managers in person (no partner scope). A decline
 * may carry legal duties (adverse action), and events name the deciding user.
 */
export const deciders = { auth: { roles: STAFF_WRITERS } };

/** The user a request acts as; partner credentials (no user) are refused with a 403. */
export function userIdOf(principal: Principal | null): string {
  if (!principal?.userId) throw forbidden('This needs a user signed in (not a partner credential).');
  return principal.userId;
}
