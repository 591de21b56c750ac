import type { PaymentsTx } from '../db/database.js';
import {
  allocations,
  charges,
  credits,
  journalEntries,
  journalLines,
  payments,
  reversals,
} from '../db/schema.js';
import { accountIds } from './accounts.js';
import type { LedgerChange } from './model.js';

/** Inserts a change's rows (in an order the foreign keys accept); `actor` is the staff user, if any. */
export async function storeChange(tx: PaymentsTx, orgId: string, change: LedgerChange, actor: string | null) {
  const base = { orgId };
  if (change.charges.length)
    await tx.insert(charges).values(
      change.charges.map(({ seq: _seq, amount, ...c }) => ({
        ...base,
        ...c,
        amountMinor: amount,
        createdBy: actor,
      })),
    );
  if (change.payments.length)
    await tx.insert(payments).values(
      change.payments.map(({ seq: _seq, amount, ...p }) => ({
        ...base,
        ...p,
        amountMinor: amount,
        recordedBy: actor,
      })),
    );
  if (change.credits.length)
    await tx
      .insert(credits)
      .values(
        change.credits.map(({ amount, ...c }) => ({ ...base, ...c, amountMinor: amount, createdBy: actor })),
      );
  if (change.allocations.length)
    await tx
      .insert(allocations)
      .values(change.allocations.map(({ amount, ...a }) => ({ ...base, ...a, amountMinor: amount })));
  if (change.reversals.length)
    await tx.insert(reversals).values(change.reversals.map((r) => ({ ...base, ...r, createdBy: actor })));
  if (change.journal.length === 0) return;
  const accountOf = await accountIds(
    tx,
    orgId,
    change.journal.flatMap((e) => e.lines),
  );
  await tx
    .insert(journalEntries)
    .values(change.journal.map(({ lines: _lines, ...e }) => ({ ...base, ...e })));
  await tx.insert(journalLines).values(
    change.journal.flatMap((e) =>
      e.lines.map((l) => ({
        ...base,
        entryId: e.id,
        accountId: accountOf(l.account, l.leaseId),
        currency: l.currency,
        amountMinor: l.amount,
      })),
    ),
  );
}
