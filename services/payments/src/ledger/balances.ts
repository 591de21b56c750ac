import type { Charge, LeaseLedger, Payment } from './model.js';

// Derived amounts. Nothing here is stored: balances are always recomputed from the immutable rows.

const sumBy = <T>(rows: readonly T[], amount: (row: T) => number) =>
  rows.reduce((total, row) => total + amount(row), 0);

function reversedIds(ledger: LeaseLedger) {
  return {
    charges: new Set(ledger.reversals.flatMap((r) => (r.chargeId ? [r.chargeId] : []))),
    payments: new Set(ledger.reversals.flatMap((r) => (r.paymentId ? [r.paymentId] : []))),
  };
}

/** A charge's amount, or 0 once it has been voided. */
export function chargeNet(ledger: LeaseLedger, charge: Charge): number {
  return reversedIds(ledger).charges.has(charge.id) ? 0 : charge.amount;
}

/** What is still owed on a charge: its net amount less the allocations to it (reversals count negative). */
export function chargeOpen(ledger: LeaseLedger, charge: Charge): number {
  const allocated = sumBy(
    ledger.allocations.filter((a) => a.chargeId === charge.id),
    (a) => a.amount,
  );
  return chargeNet(ledger, charge) - allocated;
}

/** What of a payment is not applied to any charge: the tenant's credit from it. */
export function paymentUnapplied(ledger: LeaseLedger, payment: Payment): number {
  if (reversedIds(ledger).payments.has(payment.id)) return 0;
  const applied = sumBy(
    ledger.allocations.filter((a) => a.paymentId === payment.id),
    (a) => a.amount,
  );
  return payment.amount - applied;
}

/** Allocations not yet undone by a reversing allocation (and not reversing ones themselves). */
export function liveAllocations(ledger: LeaseLedger) {
  const undone = new Set(ledger.allocations.map((a) => a.reversesAllocationId).filter(Boolean));
  return ledger.allocations.filter((a) => a.reversesAllocationId === null && !undone.has(a.id));
}

/** Balance = Σ charges − Σ allocations (voided charges count 0, reversing allocations negative). */
export function leaseBalance(ledger: LeaseLedger): number {
  const reversed = reversedIds(ledger).charges;
  const charged = sumBy(ledger.charges, (c) => (reversed.has(c.id) ? 0 : c.amount));
  return charged - sumBy(ledger.allocations, (a) => a.amount);
}

/** The tenant's unapplied credit: Σ over payments of what is not allocated. */
export function tenantCredit(ledger: LeaseLedger): number {
  return sumBy(ledger.payments, (p) => paymentUnapplied(ledger, p));
}
