import fc from 'fast-check';
import type { AllocationRule } from '../../src/ledger/allocation.js';
import { chargeNet, leaseBalance, paymentUnapplied, tenantCredit } from '../../src/ledger/balances.js';
import { isBalanced } from '../../src/ledger/journal.js';
import { CHARGE_TYPES, type JournalEntry, type LeaseLedger } from '../../src/ledger/model.js';

// Random ledger histories and the invariants every history keeps (issue #13), shared by the in-memory
// run and the run through the database.

/** One step of a history; targets are indexes into what exists so far (modulo its length). */
export type Step =
  | { op: 'charge'; chargeType: (typeof CHARGE_TYPES)[number]; amount: number; day: number }
  | { op: 'payment'; amount: number }
  | { op: 'credit'; target: number; share: number }
  | { op: 'reversePayment'; target: number }
  | { op: 'voidCharge'; target: number };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('charge' as const),
    chargeType: fc.constantFrom(...CHARGE_TYPES),
    amount: fc.integer({ min: 1, max: 300_000 }),
    day: fc.integer({ min: 1, max: 90 }),
  }),
  fc.record({ op: fc.constant('payment' as const), amount: fc.integer({ min: 1, max: 400_000 }) }),
  fc.record({
    op: fc.constant('credit' as const),
    target: fc.nat(),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
  }),
  fc.record({ op: fc.constant('reversePayment' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('voidCharge' as const), target: fc.nat() }),
);

export const ruleArb: fc.Arbitrary<AllocationRule> = fc.oneof(
  fc.constant({ priority: [] }),
  fc.constant({ priority: ['RENT', 'DEPOSIT'] as const }),
  fc.constant({ priority: ['LATE_FEE'] as const }),
);

/** The due date of history day `day` (days after 2026-01-01). */
export const dueDateOf = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);

/** Σ of the journal's lines on one lease account. */
export function accountBalance(journal: readonly JournalEntry[], account: string): number {
  return journal.flatMap((e) => e.lines).reduce((s, l) => s + (l.account === account ? l.amount : 0), 0);
}

/** Every invariant of the issue, as a list of the ones broken (empty = all hold). */
export function brokenInvariants(ledger: LeaseLedger, journal: readonly JournalEntry[]): string[] {
  const broken: string[] = [];
  const balance = leaseBalance(ledger);
  if (balance !== accountBalance(journal, 'receivable'))
    broken.push(`balance ${balance} ≠ receivable ${accountBalance(journal, 'receivable')}`);
  if (-tenantCredit(ledger) !== accountBalance(journal, 'tenantCredit'))
    broken.push('tenant credit ≠ its account');
  for (const e of journal) if (!isBalanced(e)) broken.push(`entry ${e.id} unbalanced`);
  for (const c of ledger.charges) {
    const allocated = ledger.allocations.filter((a) => a.chargeId === c.id).reduce((s, a) => s + a.amount, 0);
    if (allocated < 0 || allocated > chargeNet(ledger, c))
      broken.push(`charge ${c.id} allocated ${allocated}`);
  }
  for (const p of ledger.payments) {
    const unapplied = paymentUnapplied(ledger, p);
    if (unapplied < 0 || unapplied > p.amount) broken.push(`payment ${p.id} unapplied ${unapplied}`);
  }
  const reversed = ledger.allocations.map((a) => a.reversesAllocationId).filter(Boolean);
  if (new Set(reversed).size !== reversed.length) broken.push('an allocation reversed twice');
  if (ledger.allocations.some((a) => a.currency !== ledger.currency)) broken.push('currencies mixed');
  const openCharges = ledger.charges.some(
    (c) =>
      chargeNet(ledger, c) >
      ledger.allocations.filter((a) => a.chargeId === c.id).reduce((s, a) => s + a.amount, 0),
  );
  if (openCharges && tenantCredit(ledger) > 0) broken.push('tenant credit left while a charge is open');
  return broken;
}
