import { sql } from 'drizzle-orm';
import type { PaymentsTx } from '../db/database.js';
import { ACCOUNTS, STANDARD_CHART, type AccountDefinition, type AccountKey } from './chart.js';

const NO_LEASE = '';
const accountRef = (code: string, leaseId: string | null) => `${code}/${leaseId ?? NO_LEASE}`;

async function insertAccounts(
  tx: PaymentsTx,
  orgId: string,
  wanted: { def: AccountDefinition; leaseId: string | null }[],
) {
  const values = sql.join(
    wanted.map(
      ({ def, leaseId }) => sql`(${orgId}::uuid, ${def.code}, ${def.name}, ${def.type}, ${leaseId}::uuid)`,
    ),
    sql`, `,
  );
  await tx.execute(
    sql`insert into accounts (org_id, code, name, type, lease_id) values ${values} on conflict do nothing`,
  );
}

/** Opens the organization's standard chart and a lease's own accounts (idempotent). */
export async function openAccounts(tx: PaymentsTx, orgId: string, leaseId: string | null): Promise<void> {
  const perLease = Object.values(ACCOUNTS).filter((a) => a.perLease);
  await insertAccounts(tx, orgId, [
    ...STANDARD_CHART.filter((a) => !a.perLease).map((def) => ({ def, leaseId: null })),
    ...(leaseId ? perLease.map((def) => ({ def, leaseId })) : []),
  ]);
}

/**
 * The ids of the accounts journal lines post to, opening any that do not exist yet. A second statement
 * reads them, so an account another transaction opened meanwhile is seen once it committed.
 */
export async function accountIds(
  tx: PaymentsTx,
  orgId: string,
  refs: { account: AccountKey; leaseId: string | null }[],
): Promise<(account: AccountKey, leaseId: string | null) => string> {
  const unique = [...new Map(refs.map((r) => [accountRef(ACCOUNTS[r.account].code, r.leaseId), r])).values()];
  if (unique.length > 0)
    await insertAccounts(
      tx,
      orgId,
      unique.map((r) => ({ def: ACCOUNTS[r.account], leaseId: r.leaseId })),
    );
  const { rows } = await tx.execute<{ id: string; code: string; lease_id: string | null }>(
    sql`select id, code, lease_id from accounts where org_id = ${orgId}
        and code in (${sql.join(
          unique.map((r) => sql`${ACCOUNTS[r.account].code}`),
          sql`, `,
        )})`,
  );
  const byRef = new Map(rows.map((r) => [accountRef(r.code, r.lease_id), r.id]));
  return (account, leaseId) => {
    const id = byRef.get(accountRef(ACCOUNTS[account].code, leaseId));
    if (!id) throw new Error(`account ${account} of lease ${leaseId} is missing`);
    return id;
  };
}
