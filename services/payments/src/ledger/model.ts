// The ledger's records as plain values: what the database stores and what the pure planners read and
// write. Amounts are integer minor units of `currency` (ISO-4217); positive unless said otherwise.

import type { AccountKey } from './chart.js';

export const CHARGE_TYPES = ['RENT', 'LATE_FEE', 'DEPOSIT', 'UTILITY', 'OTHER'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

/** Payments staff record by hand; CARD and ACH come through Stripe. */
export const OFFLINE_METHODS = ['CASH', 'CHECK', 'BANK_TRANSFER', 'MONEY_ORDER'] as const;
export type PaymentMethod = (typeof OFFLINE_METHODS)[number] | 'CARD' | 'ACH';

export const CREDIT_KINDS = ['CONCESSION', 'WAIVER', 'WRITE_OFF'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

export interface Charge {
  id: string;
  leaseId: string;
  chargeType: ChargeType;
  description: string;
  amount: number;
  currency: string;
  dueDate: string;
  periodStart: string | null;
  periodEnd: string | null;
  /** What makes a scheduled charge unique per period ('rent', 'recurring:PARKING:…', 'late_fee'); null for one-offs. */
  scheduleKey: string | null;
  /** Order of posting within the lease (ties of due date go to the older charge). */
  seq: number;
}

export interface Payment {
  id: string;
  leaseId: string;
  tenantId: string | null;
  method: PaymentMethod;
  reference: string | null;
  amount: number;
  currency: string;
  receivedOn: string;
  seq: number;
}

/** A non-cash reduction of one charge (concession, waived late fee, write-off). */
export interface Credit {
  id: string;
  leaseId: string;
  chargeId: string;
  kind: CreditKind;
  amount: number;
  currency: string;
  reason: string;
}

/**
 * Money applied to a charge, from a payment or a credit. A reversing allocation has a negative amount and
 * names the one it undoes; an allocation is reversed at most once.
 */
export interface Allocation {
  id: string;
  leaseId: string;
  chargeId: string;
  paymentId: string | null;
  creditId: string | null;
  amount: number;
  currency: string;
  reversesAllocationId: string | null;
}

/** A payment that failed, bounced or was returned, or a charge voided; each record reversed at most once. */
export interface Reversal {
  id: string;
  leaseId: string;
  paymentId: string | null;
  chargeId: string | null;
  reason: string;
}

export interface JournalLine {
  account: AccountKey;
  /** The lease of a per-lease account; null for organization accounts. */
  leaseId: string | null;
  currency: string;
  /** Signed: a debit is positive, a credit negative. The lines of an entry sum to 0 per currency. */
  amount: number;
}

export interface JournalEntry {
  id: string;
  description: string;
  sourceType: 'charge' | 'payment' | 'credit' | 'reversal' | 'allocation';
  sourceId: string;
  lines: JournalLine[];
}

/** Everything one lease's ledger holds: what planners decide from. */
export interface LeaseLedger {
  leaseId: string;
  currency: string;
  charges: Charge[];
  payments: Payment[];
  credits: Credit[];
  allocations: Allocation[];
  reversals: Reversal[];
}

/** What one operation adds: new immutable rows only. */
export interface LedgerChange {
  charges: Charge[];
  payments: Payment[];
  credits: Credit[];
  allocations: Allocation[];
  reversals: Reversal[];
  journal: JournalEntry[];
}

export const emptyChange = (): LedgerChange => ({
  charges: [],
  payments: [],
  credits: [],
  allocations: [],
  reversals: [],
  journal: [],
});

/** The ledger with a change applied (the in-memory twin of inserting its rows). */
export function applyChange(ledger: LeaseLedger, change: LedgerChange): LeaseLedger {
  return {
    ...ledger,
    charges: [...ledger.charges, ...change.charges],
    payments: [...ledger.payments, ...change.payments],
    credits: [...ledger.credits, ...change.credits],
    allocations: [...ledger.allocations, ...change.allocations],
    reversals: [...ledger.reversals, ...change.reversals],
  };
}
