import { allocationOrder, distribute, type AllocationRule } from './allocation.js';
import { chargeOpen, paymentUnapplied } from './balances.js';
import { counterAccountOf, fundsAccountOf, journalEntry, LedgerRuleError, line } from './journal.js';
import { allocation, merge, openItems } from './rows.js';
import {
  applyChange,
  emptyChange,
  type Charge,
  type Credit,
  type LeaseLedger,
  type LedgerChange,
  type Payment,
} from './model.js';

// The ledger's operations as pure functions: given a lease's ledger, what rows an operation adds. The
// service runs them on the rows it read under the lease's lock; the property tests run them in memory.

export type NewId = () => string;
export type ChargeInput = Omit<Charge, 'id' | 'leaseId' | 'seq'>;
export type PaymentInput = Omit<Payment, 'id' | 'leaseId' | 'seq'>;
export type CreditInput = Omit<Credit, 'id' | 'leaseId' | 'currency'>;

function sameCurrency(ledger: LeaseLedger, currency: string) {
  if (currency !== ledger.currency)
    throw new LedgerRuleError(
      `This lease is billed in ${ledger.currency}; amounts in ${currency} cannot be mixed into it.`,
      'currency-mismatch',
    );
}

const nextSeq = (rows: readonly { seq: number }[]) => rows.reduce((m, r) => Math.max(m, r.seq), 0) + 1;

/** Applies the tenant's unapplied payment money to open charges (oldest payment first), by `rule`. */
export function planApplyTenantCredit(ledger: LeaseLedger, rule: AllocationRule, newId: NewId): LedgerChange {
  const change = emptyChange();
  let state = ledger;
  for (const payment of [...ledger.payments].sort((a, b) => a.seq - b.seq)) {
    const unapplied = paymentUnapplied(state, payment);
    if (unapplied <= 0) continue;
    const { parts } = distribute(unapplied, allocationOrder(openItems(state), rule));
    if (parts.length === 0) break;
    const allocations = parts.map((p) =>
      allocation(ledger, newId(), p.chargeId, p.amount, { paymentId: payment.id }),
    );
    const applied = parts.reduce((s, p) => s + p.amount, 0);
    change.allocations.push(...allocations);
    change.journal.push(
      journalEntry(newId(), 'Tenant credit applied', { sourceType: 'payment', sourceId: payment.id }, [
        line('tenantCredit', ledger.leaseId, ledger.currency, applied),
        line('receivable', ledger.leaseId, ledger.currency, -applied),
      ]),
    );
    state = applyChange(state, { ...emptyChange(), allocations });
  }
  return change;
}

/** Posts a charge (Dr receivable, Cr its income or deposit account), then applies any tenant credit. */
export function planCharge(ledger: LeaseLedger, input: ChargeInput, rule: AllocationRule, newId: NewId) {
  sameCurrency(ledger, input.currency);
  const charge: Charge = { ...input, id: newId(), leaseId: ledger.leaseId, seq: nextSeq(ledger.charges) };
  const posted: LedgerChange = {
    ...emptyChange(),
    charges: [charge],
    journal: [
      journalEntry(newId(), charge.description, { sourceType: 'charge', sourceId: charge.id }, [
        line('receivable', ledger.leaseId, charge.currency, charge.amount),
        line(counterAccountOf[charge.chargeType], ledger.leaseId, charge.currency, -charge.amount),
      ]),
    ],
  };
  return merge(posted, planApplyTenantCredit(applyChange(ledger, posted), rule, newId));
}

/** Records a received payment and allocates it by `rule`; what is left over becomes tenant credit. */
export function planPayment(ledger: LeaseLedger, input: PaymentInput, rule: AllocationRule, newId: NewId) {
  sameCurrency(ledger, input.currency);
  const payment: Payment = { ...input, id: newId(), leaseId: ledger.leaseId, seq: nextSeq(ledger.payments) };
  const { parts, rest } = distribute(payment.amount, allocationOrder(openItems(ledger), rule));
  const allocations = parts.map((p) =>
    allocation(ledger, newId(), p.chargeId, p.amount, { paymentId: payment.id }),
  );
  const { leaseId, currency } = ledger;
  return {
    ...emptyChange(),
    payments: [payment],
    allocations,
    journal: [
      journalEntry(
        newId(),
        `Payment received (${payment.method})`,
        { sourceType: 'payment', sourceId: payment.id },
        [
          line(fundsAccountOf(payment.method), leaseId, currency, payment.amount),
          line('receivable', leaseId, currency, -(payment.amount - rest)),
          line('tenantCredit', leaseId, currency, -rest),
        ],
      ),
    ],
  };
}

/** A concession, waiver or write-off of part or all of one charge's open amount. */
export function planCredit(ledger: LeaseLedger, input: CreditInput, newId: NewId): LedgerChange {
  const charge = ledger.charges.find((c) => c.id === input.chargeId);
  if (!charge) throw new LedgerRuleError('The charge is not on this lease.', 'charge-not-found');
  const open = chargeOpen(ledger, charge);
  if (input.amount > open)
    throw new LedgerRuleError(
      `Only ${open} is open on this charge; a credit cannot exceed it.`,
      'credit-exceeds-open',
    );
  const credit: Credit = { ...input, id: newId(), leaseId: ledger.leaseId, currency: charge.currency };
  return {
    ...emptyChange(),
    credits: [credit],
    allocations: [allocation(ledger, newId(), charge.id, credit.amount, { creditId: credit.id })],
    journal: [
      journalEntry(newId(), `Credit: ${credit.reason}`, { sourceType: 'credit', sourceId: credit.id }, [
        line('concessions', ledger.leaseId, credit.currency, credit.amount),
        line('receivable', ledger.leaseId, credit.currency, -credit.amount),
      ]),
    ],
  };
}
