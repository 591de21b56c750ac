import { withOrgTransaction } from '@portfolioos/db';
import { forbidden, type Principal } from '@portfolioos/service-kit';
import type { NotificationsDb, NotificationsTx } from './db/database.js';

/** Every member of an organization has an inbox and preferences: staff and portal users alike. */
export const members = {
  auth: { roles: ['owner', 'manager', 'accountant', 'viewer', 'tenant', 'vendor', 'applicant'] },
};

/** The person a request acts as: a user in an organization. */
export interface Person {
  userId: string;
  orgId: string;
}

/**
 * Runs `fn` as the calling person, in a transaction scoped to their organization (row-level security
 * sees it); another person's or organization's objects are simply not found (404).
 */
export function asPerson<T>(
  db: NotificationsDb,
  principal: Principal | null,
  fn: (tx: NotificationsTx, person: Person) => Promise<T>,
): Promise<T> {
  const { orgId, userId } = principal ?? {};
  if (!orgId || !userId) throw forbidden('This needs a person signed in to an organization.');
  return withOrgTransaction(db, orgId, (tx) => fn(tx, { orgId, userId }));
}
