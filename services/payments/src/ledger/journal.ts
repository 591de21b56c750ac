import type { AccountKey } from './chart.js';
import type { ChargeType, JournalEntry, JournalLine, PaymentMethod } from './model.js';

/** A rule of the ledger an operation would break (an amount above what is open, a second reversal…). */
export class LedgerRuleError extends Error {
  constructor(
    message: string,
    readonly slug: string,
  ) {
    super(message);
    this.name = 'LedgerRuleError';
  }
}

/** The account a charge's income (or, for a deposit, its liability) is booked to. */
export const counterAccountOf: Record<ChargeType, AccountKey> = {
  RENT: 'rentIncome',
  LATE_FEE: 'feeIncome',
  DEPOSIT: 'depositsHeld',
  UTILITY: 'utilityIncome',
  OTHER: 'otherIncome',
};

/** Card and ACH money sits in Stripe clearing until payout; the rest is cash on hand or in the bank. */
export const fundsAccountOf = (method: PaymentMethod): AccountKey =>
  method === 'CARD' || method === 'ACH' ? 'stripeClearing' : 'cash';

const PER_LEASE: ReadonlySet<AccountKey> = new Set(['receivable', 'depositsHeld', 'tenantCredit']);

/** A journal line; per-lease accounts carry the lease. */
export function line(account: AccountKey, leaseId: string, currency: string, amount: number): JournalLine {
  return { account, leaseId: PER_LEASE.has(account) ? leaseId : null, currency, amount };
}

/** The entry's lines sum to zero in every currency (the same rule the database's trigger enforces). */
export function isBalanced(entry: Pick<JournalEntry, 'lines'>): boolean {
  const sums = new Map<string, number>();
  for (const l of entry.lines) sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.amount);
  return [...sums.values()].every((s) => s === 0);
}

/** A balanced entry without zero lines; an unbalanced one is a bug in a planner, never stored. */
export function journalEntry(
  id: string,
  description: string,
  source: Pick<JournalEntry, 'sourceType' | 'sourceId'>,
  lines: JournalLine[],
): JournalEntry {
  const entry = { id, description, ...source, lines: lines.filter((l) => l.amount !== 0) };
  if (!isBalanced(entry)) throw new Error(`unbalanced journal entry: ${JSON.stringify(entry)}`);
  return entry;
}
