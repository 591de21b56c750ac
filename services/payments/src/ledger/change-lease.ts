import { eq, sql } from 'drizzle-orm';
import { conflict, notFound, unprocessable } from '@portfolioos/service-kit';
import type { PaymentsTx } from '../db/database.js';
import { organizations } from '../db/schema.js';
import type { AllocationRule } from './allocation.js';
import { LedgerRuleError } from './journal.js';
import { publishChange } from './ledger-events.js';
import { applyChange, type ChargeType, type LeaseLedger, type LedgerChange } from './model.js';
import { loadLedger, lockLease } from './repository.js';
import { storeChange } from './store-change.js';

/** The organization's allocation rule (oldest due first unless it set a charge-type priority). */
export async function allocationRuleOf(tx: PaymentsTx, orgId: string): Promise<AllocationRule> {
  const [org] = await tx
    .select({ priority: organizations.allocationPriority })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return { priority: (org?.priority ?? []) as ChargeType[] };
}

function asProblem(error: LedgerRuleError) {
  return error.slug === 'currency-mismatch'
    ? unprocessable(error.message, error.slug)
    : conflict(error.message, error.slug);
}

/**
 * Applies one ledger operation to a lease: locks the lease (every money operation on it waits its turn, so
 * two payments never allocate the same open amount), plans on the rows it then reads, stores the new rows
 * and their events. A lease of another organization, or none, is a 404.
 */
export async function changeLease(
  tx: PaymentsTx,
  orgId: string,
  leaseId: string,
  actor: string | null,
  plan: (ledger: LeaseLedger, rule: AllocationRule) => LedgerChange,
): Promise<{ before: LeaseLedger; after: LeaseLedger; change: LedgerChange }> {
  const lease = await lockLease(tx, orgId, leaseId);
  if (!lease) throw notFound('No such lease.');
  const [rule, before] = [await allocationRuleOf(tx, orgId), await loadLedger(tx, orgId, lease)];
  let change: LedgerChange;
  try {
    change = plan(before, rule);
  } catch (error) {
    if (error instanceof LedgerRuleError) throw asProblem(error);
    throw error;
  }
  await storeChange(tx, orgId, change, actor);
  await publishChange(tx, before, change, { orgId, unitId: lease.unit_id, actor, occurredAt: Date.now() });
  return { before, after: applyChange(before, change), change };
}

/** The lease a charge or payment belongs to (404 when the caller's organization has no such row). */
export async function leaseOfRecord(
  tx: PaymentsTx,
  orgId: string,
  table: 'charges' | 'payments',
  id: string,
) {
  const { rows } = await tx.execute<{ lease_id: string }>(
    sql`select lease_id from ${sql.identifier(table)} where org_id = ${orgId} and id = ${id}`,
  );
  if (!rows[0]) throw notFound();
  return rows[0].lease_id;
}
