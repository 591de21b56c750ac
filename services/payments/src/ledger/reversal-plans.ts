import type { AllocationRule } from './allocation.js';
import { liveAllocations, paymentUnapplied } from './balances.js';
import { counterAccountOf, fundsAccountOf, journalEntry, LedgerRuleError, line } from './journal.js';
import { applyChange, emptyChange, type LeaseLedger, type LedgerChange, type Reversal } from './model.js';
import { planApplyTenantCredit, type NewId } from './plans.js';
import { allocation, merge } from './rows.js';

// Corrections are new rows naming what they correct: a reversing allocation per allocation undone, and a
// reversal record for the payment or charge.

function alreadyReversed(ledger: LeaseLedger, target: { paymentId?: string; chargeId?: string }) {
  return ledger.reversals.some(
    (r) =>
      (target.paymentId !== undefined && r.paymentId === target.paymentId) ||
      (target.chargeId !== undefined && r.chargeId === target.chargeId),
  );
}

/** A payment failed, bounced or was returned: its allocations are undone and the charges reopen. */
export function planPaymentReversal(
  ledger: LeaseLedger,
  paymentId: string,
  reason: string,
  rule: AllocationRule,
  newId: NewId,
): LedgerChange {
  const payment = ledger.payments.find((p) => p.id === paymentId);
  if (!payment) throw new LedgerRuleError('The payment is not on this lease.', 'payment-not-found');
  if (alreadyReversed(ledger, { paymentId }))
    throw new LedgerRuleError('This payment has already been reversed.', 'already-reversed');
  const undone = liveAllocations(ledger).filter((a) => a.paymentId === paymentId);
  const reallocated = undone.reduce((s, a) => s + a.amount, 0);
  const reversal: Reversal = { id: newId(), leaseId: ledger.leaseId, paymentId, chargeId: null, reason };
  const { leaseId, currency } = ledger;
  const reversed: LedgerChange = {
    ...emptyChange(),
    reversals: [reversal],
    allocations: undone.map((a) =>
      allocation(ledger, newId(), a.chargeId, -a.amount, { ...a, reverses: a.id }),
    ),
    journal: [
      journalEntry(
        newId(),
        `Payment reversed: ${reason}`,
        { sourceType: 'reversal', sourceId: reversal.id },
        [
          line('receivable', leaseId, currency, reallocated),
          line('tenantCredit', leaseId, currency, paymentUnapplied(ledger, payment)),
          line(fundsAccountOf(payment.method), leaseId, currency, -payment.amount),
        ],
      ),
    ],
  };
  // The charges it paid reopen; other payments' unapplied credit goes to them.
  return merge(reversed, planApplyTenantCredit(applyChange(ledger, reversed), rule, newId));
}

/**
 * A charge posted in error is voided: what was applied to it is undone first (payment money goes back to
 * the tenant's credit and is applied to other open charges, credits lapse), then the charge is reversed.
 */
export function planChargeVoid(
  ledger: LeaseLedger,
  chargeId: string,
  reason: string,
  rule: AllocationRule,
  newId: NewId,
): LedgerChange {
  const charge = ledger.charges.find((c) => c.id === chargeId);
  if (!charge) throw new LedgerRuleError('The charge is not on this lease.', 'charge-not-found');
  if (alreadyReversed(ledger, { chargeId }))
    throw new LedgerRuleError('This charge has already been reversed.', 'already-reversed');
  const { leaseId, currency } = ledger;
  const undone = liveAllocations(ledger).filter((a) => a.chargeId === chargeId);
  const fromPayments = undone.filter((a) => a.paymentId).reduce((s, a) => s + a.amount, 0);
  const fromCredits = undone.filter((a) => a.creditId).reduce((s, a) => s + a.amount, 0);
  const reversal: Reversal = { id: newId(), leaseId, paymentId: null, chargeId, reason };
  const voided: LedgerChange = {
    ...emptyChange(),
    reversals: [reversal],
    allocations: undone.map((a) =>
      allocation(ledger, newId(), a.chargeId, -a.amount, { ...a, reverses: a.id }),
    ),
    journal: [
      journalEntry(newId(), `Charge voided: ${reason}`, { sourceType: 'reversal', sourceId: reversal.id }, [
        line('receivable', leaseId, currency, fromPayments + fromCredits - charge.amount),
        line('tenantCredit', leaseId, currency, -fromPayments),
        line('concessions', leaseId, currency, -fromCredits),
        line(counterAccountOf[charge.chargeType], leaseId, currency, charge.amount),
      ]),
    ],
  };
  return merge(voided, planApplyTenantCredit(applyChange(ledger, voided), rule, newId));
}
