import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { leaseBalance, tenantCredit } from '../src/ledger/balances.js';
import { LedgerRuleError } from '../src/ledger/journal.js';
import { applyChange, type JournalEntry, type LeaseLedger, type LedgerChange } from '../src/ledger/model.js';
import { planCharge, planCredit, planPayment } from '../src/ledger/plans.js';
import { planChargeVoid, planPaymentReversal } from '../src/ledger/reversal-plans.js';
import type { AllocationRule } from '../src/ledger/allocation.js';
import { chargeOpen } from '../src/ledger/balances.js';
import { brokenInvariants, dueDateOf, ruleArb, stepArb, type Step } from './support/ledger-model.js';

const LEASE = '00000000-0000-4000-8000-000000000001';
let counter = 0;
/** How often each kind of step changed a ledger: the histories must really exercise every operation. */
const applied = new Map<Step['op'], number>();
const newId = () => `id-${++counter}`;
const empty = (): LeaseLedger => ({
  leaseId: LEASE,
  currency: 'USD',
  charges: [],
  payments: [],
  credits: [],
  allocations: [],
  reversals: [],
});

/** The change a step makes to the ledger, or null when it names nothing that can take it. */
function planStep(ledger: LeaseLedger, step: Step, rule: AllocationRule): LedgerChange | null {
  const pick = <T>(rows: T[], i: number) => (rows.length ? rows[i % rows.length] : undefined);
  switch (step.op) {
    case 'charge':
      return planCharge(
        ledger,
        {
          chargeType: step.chargeType,
          description: step.chargeType,
          amount: step.amount,
          currency: 'USD',
          dueDate: dueDateOf(step.day),
          periodStart: null,
          periodEnd: null,
          scheduleKey: null,
        },
        rule,
        newId,
      );
    case 'payment':
      return planPayment(
        ledger,
        {
          tenantId: null,
          method: 'CHECK',
          reference: '1001',
          amount: step.amount,
          currency: 'USD',
          receivedOn: '2026-02-01',
        },
        rule,
        newId,
      );
    case 'credit': {
      const charge = pick(
        ledger.charges.filter((c) => chargeOpen(ledger, c) > 0),
        step.target,
      );
      if (!charge) return null;
      const amount = Math.max(1, Math.floor(chargeOpen(ledger, charge) * step.share));
      return planCredit(
        ledger,
        { chargeId: charge.id, amount, kind: 'CONCESSION', reason: 'goodwill' },
        newId,
      );
    }
    case 'reversePayment': {
      const payment = pick(ledger.payments, step.target);
      return payment ? planPaymentReversal(ledger, payment.id, 'bounced', rule, newId) : null;
    }
    case 'voidCharge': {
      const charge = pick(ledger.charges, step.target);
      return charge ? planChargeVoid(ledger, charge.id, 'posted in error', rule, newId) : null;
    }
  }
}

/** Runs a history; rule errors (a second reversal) are refusals that change nothing. */
export function runHistory(steps: Step[], rule: AllocationRule) {
  let ledger = empty();
  const journal: JournalEntry[] = [];
  for (const step of steps) {
    let change: LedgerChange | null;
    try {
      change = planStep(ledger, step, rule);
    } catch (error) {
      if (error instanceof LedgerRuleError) continue;
      throw error;
    }
    if (!change) continue;
    applied.set(step.op, (applied.get(step.op) ?? 0) + 1);
    ledger = applyChange(ledger, change);
    journal.push(...change.journal);
    assert.deepEqual(brokenInvariants(ledger, journal), [], JSON.stringify(step));
  }
  return { ledger, journal };
}

describe('the ledger model (pure)', () => {
  test('10,000 random histories keep every invariant after every step', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), ruleArb, (steps, rule) => {
        runHistory(steps, rule);
      }),
      { numRuns: 10_000 },
    );
    for (const op of ['charge', 'payment', 'credit', 'reversePayment', 'voidCharge'] as const)
      assert.ok((applied.get(op) ?? 0) > 1000, `${op} applied ${applied.get(op) ?? 0} times`);
  });

  test('a partial payment leaves the rest open; an overpayment is credit applied to the next charge', () => {
    const rent = {
      chargeType: 'RENT' as const,
      description: 'Rent',
      currency: 'USD',
      periodStart: null,
      periodEnd: null,
      scheduleKey: null,
    };
    let ledger = applyChange(
      empty(),
      planCharge(empty(), { ...rent, amount: 150_000, dueDate: '2026-01-01' }, { priority: [] }, newId),
    );
    ledger = applyChange(
      ledger,
      planPayment(
        ledger,
        {
          tenantId: null,
          method: 'CASH',
          reference: null,
          amount: 100_000,
          currency: 'USD',
          receivedOn: '2026-01-02',
        },
        { priority: [] },
        newId,
      ),
    );
    assert.equal(leaseBalance(ledger), 50_000);
    ledger = applyChange(
      ledger,
      planPayment(
        ledger,
        {
          tenantId: null,
          method: 'CASH',
          reference: null,
          amount: 80_000,
          currency: 'USD',
          receivedOn: '2026-01-03',
        },
        { priority: [] },
        newId,
      ),
    );
    // Balance is the receivable (Σ charges − Σ allocations); the overpayment is held as tenant credit.
    assert.equal(leaseBalance(ledger), 0);
    assert.equal(tenantCredit(ledger), 30_000);
    ledger = applyChange(
      ledger,
      planCharge(ledger, { ...rent, amount: 150_000, dueDate: '2026-02-01' }, { priority: [] }, newId),
    );
    assert.equal(tenantCredit(ledger), 0);
    assert.equal(leaseBalance(ledger), 120_000);
  });

  test('amounts in another currency are refused', () => {
    assert.throws(
      () =>
        planPayment(
          empty(),
          {
            tenantId: null,
            method: 'CASH',
            reference: null,
            amount: 1,
            currency: 'EUR',
            receivedOn: '2026-01-01',
          },
          { priority: [] },
          newId,
        ),
      (e: unknown) => e instanceof LedgerRuleError && e.slug === 'currency-mismatch',
    );
  });
});
