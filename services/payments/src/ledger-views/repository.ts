import { sql } from 'drizzle-orm';
import type { PaymentsTx } from '../db/database.js';
import { ACCOUNTS } from '../ledger/chart.js';

/** The journal lines on a lease's receivable account, in posting order. */
export async function receivableLines(tx: PaymentsTx, orgId: string, leaseId: string) {
  const { rows } = await tx.execute<{
    entry_id: string;
    posted_at: string | Date;
    description: string;
    source_type: string;
    source_id: string;
    currency: string;
    amount_minor: string;
  }>(sql`
    select e.id as entry_id, e.posted_at, e.description, e.source_type, e.source_id, l.currency, l.amount_minor
      from journal_lines l
      join accounts a on a.id = l.account_id
      join journal_entries e on e.id = l.entry_id
     where l.org_id = ${orgId} and a.code = ${ACCOUNTS.receivable.code} and a.lease_id = ${leaseId}
     order by l.id`);
  return rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor) }));
}

/** Debits and credits per account and currency over the whole journal of the organization. */
export async function trialBalanceRows(tx: PaymentsTx, orgId: string) {
  const { rows } = await tx.execute<{
    code: string;
    name: string;
    type: string;
    currency: string;
    debit_minor: string;
    credit_minor: string;
  }>(sql`
    select a.code, a.name, a.type, l.currency,
           sum(greatest(l.amount_minor, 0)) as debit_minor, sum(greatest(-l.amount_minor, 0)) as credit_minor
      from journal_lines l join accounts a on a.id = l.account_id
     where l.org_id = ${orgId}
     group by a.code, a.name, a.type, l.currency
     order by a.code, l.currency`);
  return rows.map((r) => ({
    ...r,
    debit_minor: Number(r.debit_minor),
    credit_minor: Number(r.credit_minor),
  }));
}

/** The deposit held per lease and currency (the liability's credit balance), leases holding none left out. */
export async function depositRows(tx: PaymentsTx, orgId: string) {
  const { rows } = await tx.execute<{ lease_id: string; currency: string; held_minor: string }>(sql`
    select a.lease_id, l.currency, -sum(l.amount_minor) as held_minor
      from journal_lines l join accounts a on a.id = l.account_id
     where l.org_id = ${orgId} and a.code = ${ACCOUNTS.depositsHeld.code}
     group by a.lease_id, l.currency
    having sum(l.amount_minor) <> 0
     order by a.lease_id`);
  return rows.map((r) => ({ ...r, held_minor: Number(r.held_minor) }));
}
