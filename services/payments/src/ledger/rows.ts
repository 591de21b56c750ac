import { chargeOpen } from './balances.js';
import type { Allocation, LeaseLedger, LedgerChange } from './model.js';

/** The lease's charges with what is open on each, as the allocation rule reads them. */
export function openItems(ledger: LeaseLedger) {
  return ledger.charges.map((c) => ({ ...c, chargeId: c.id, open: chargeOpen(ledger, c) }));
}

/** An allocation row of `ledger`'s lease, from a payment or a credit, or reversing another. */
export function allocation(
  ledger: LeaseLedger,
  id: string,
  chargeId: string,
  amount: number,
  source: { paymentId?: string | null; creditId?: string | null; reverses?: string },
): Allocation {
  return {
    id,
    leaseId: ledger.leaseId,
    chargeId,
    paymentId: source.paymentId ?? null,
    creditId: source.creditId ?? null,
    amount,
    currency: ledger.currency,
    reversesAllocationId: source.reverses ?? null,
  };
}

/** Two changes as one (rows in order). */
export const merge = (a: LedgerChange, b: LedgerChange): LedgerChange => ({
  charges: [...a.charges, ...b.charges],
  payments: [...a.payments, ...b.payments],
  credits: [...a.credits, ...b.credits],
  allocations: [...a.allocations, ...b.allocations],
  reversals: [...a.reversals, ...b.reversals],
  journal: [...a.journal, ...b.journal],
});
export { merge as mergeChanges };
