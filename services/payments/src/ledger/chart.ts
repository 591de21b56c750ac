// The chart of accounts every organization gets. Codes follow the usual small-business layout (1xxx assets,
// 2xxx liabilities, 3xxx equity, 4xxx income, 5xxx expenses) so an accountant recognises them. Accounts that
// hold one lease's money (its receivable, its deposit, its prepaid credit) exist once per lease.

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface AccountDefinition {
  code: string;
  name: string;
  type: AccountType;
  /** One account per lease (true) or one per organization. */
  perLease: boolean;
}

const account = (code: string, name: string, type: AccountType, perLease = false) => ({
  code,
  name,
  type,
  perLease,
});

/** The IRS Schedule E expense lines (Form 1040, lines 5-19), one expense account each. */
export const SCHEDULE_E_CATEGORIES = [
  'ADVERTISING',
  'AUTO_AND_TRAVEL',
  'CLEANING_AND_MAINTENANCE',
  'COMMISSIONS',
  'INSURANCE',
  'LEGAL_AND_PROFESSIONAL_FEES',
  'MANAGEMENT_FEES',
  'MORTGAGE_INTEREST',
  'OTHER_INTEREST',
  'REPAIRS',
  'SUPPLIES',
  'TAXES',
  'UTILITIES',
  'DEPRECIATION',
  'OTHER',
] as const;

const titleCase = (symbol: string) =>
  symbol
    .toLowerCase()
    .split('_')
    .map((w) => (w === 'and' ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');

/** The accounts the ledger posts to by name. */
export const ACCOUNTS = {
  cash: account('1000', 'Cash / undeposited funds', 'asset'),
  stripeClearing: account('1050', 'Stripe clearing', 'asset'),
  receivable: account('1200', 'Tenant receivable', 'asset', true),
  depositsHeld: account('2100', 'Security deposits held', 'liability', true),
  tenantCredit: account('2200', 'Tenant credit (prepaid)', 'liability', true),
  ownerEquity: account('3000', 'Owner equity', 'equity'),
  ownerDraws: account('3100', 'Owner draws', 'equity'),
  rentIncome: account('4000', 'Rent income', 'income'),
  feeIncome: account('4100', 'Fee income', 'income'),
  utilityIncome: account('4200', 'Utility reimbursements', 'income'),
  otherIncome: account('4300', 'Other tenant charges', 'income'),
  // Contra-income: concessions, waived fees and write-offs reduce income without erasing the charge.
  concessions: account('4900', 'Concessions and waivers', 'income'),
} as const satisfies Record<string, AccountDefinition>;

export type AccountKey = keyof typeof ACCOUNTS;

/** Expense accounts 5005..5019, numbered after their Schedule E line. */
export const EXPENSE_ACCOUNTS: AccountDefinition[] = SCHEDULE_E_CATEGORIES.map((category, i) =>
  account(`50${String(i + 5).padStart(2, '0')}`, `Expense: ${titleCase(category)}`, 'expense'),
);

/** Every account an organization's chart starts with (per-lease ones are opened with the lease). */
export const STANDARD_CHART: AccountDefinition[] = [...Object.values(ACCOUNTS), ...EXPENSE_ACCOUNTS];
