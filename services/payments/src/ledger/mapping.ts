import { chargeOpen, paymentUnapplied } from './balances.js';
import type { Charge, LeaseLedger, Payment } from './model.js';

/** A charge as the API shows it, with what is still open on it. */
export function chargeToJson(ledger: LeaseLedger, charge: Charge) {
  return {
    id: charge.id,
    lease_id: charge.leaseId,
    charge_type: charge.chargeType,
    description: charge.description,
    amount_minor: charge.amount,
    currency: charge.currency,
    due_date: charge.dueDate,
    period_start: charge.periodStart,
    period_end: charge.periodEnd,
    open_amount_minor: chargeOpen(ledger, charge),
    voided: ledger.reversals.some((r) => r.chargeId === charge.id),
  };
}

/** A payment as the API shows it: where its money went and what is left as tenant credit. */
export function paymentToJson(ledger: LeaseLedger, payment: Payment) {
  return {
    id: payment.id,
    lease_id: payment.leaseId,
    tenant_id: payment.tenantId,
    method: payment.method,
    reference: payment.reference,
    amount_minor: payment.amount,
    currency: payment.currency,
    received_on: payment.receivedOn,
    unapplied_amount_minor: paymentUnapplied(ledger, payment),
    reversed: ledger.reversals.some((r) => r.paymentId === payment.id),
    allocations: ledger.allocations
      .filter((a) => a.paymentId === payment.id)
      .map((a) => ({
        id: a.id,
        charge_id: a.chargeId,
        amount_minor: a.amount,
        reverses_allocation_id: a.reversesAllocationId,
      })),
  };
}
