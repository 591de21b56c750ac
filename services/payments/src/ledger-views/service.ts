import type { Principal } from '@portfolioos/service-kit';
import { inCallerOrg } from '../access.js';
import type { PaymentsDb } from '../db/database.js';
import { leaseBalance, tenantCredit } from '../ledger/balances.js';
import { chargeToJson } from '../ledger/mapping.js';
import { loadLedger } from '../ledger/repository.js';
import { visibleLease } from '../leases/visibility.js';
import { depositRows, receivableLines, trialBalanceRows } from './repository.js';

/** Reports derived from the journal and the ledger rows; nothing here is stored. */
export class LedgerViewService {
  constructor(private readonly db: PaymentsDb) {}

  /** A lease's ledger: each receivable movement with the running balance, and what is open. */
  leaseLedger(principal: Principal | null, leaseId: string) {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const lease = await visibleLease(tx, orgId, leaseId, principal);
      const [ledger, lines] = [await loadLedger(tx, orgId, lease), await receivableLines(tx, orgId, leaseId)];
      let running = 0;
      const entries = lines.map((l) => ({
        entry_id: l.entry_id,
        posted_at: new Date(l.posted_at).toISOString(),
        description: l.description,
        source_type: l.source_type,
        source_id: l.source_id,
        amount_minor: l.amount_minor,
        balance_minor: (running += l.amount_minor),
      }));
      return {
        lease_id: leaseId,
        currency: lease.currency,
        // Σ charges − Σ allocations, from the ledger rows; the receivable's running balance ends on it.
        balance_minor: leaseBalance(ledger),
        tenant_credit_minor: tenantCredit(ledger),
        entries,
        open_charges: ledger.charges
          .map((c) => chargeToJson(ledger, c))
          .filter((c) => c.open_amount_minor > 0),
      };
    });
  }

  trialBalance(principal: Principal | null) {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const accounts = await trialBalanceRows(tx, orgId);
      const totals = new Map<string, { debit_minor: number; credit_minor: number }>();
      for (const a of accounts) {
        const t = totals.get(a.currency) ?? { debit_minor: 0, credit_minor: 0 };
        totals.set(a.currency, {
          debit_minor: t.debit_minor + a.debit_minor,
          credit_minor: t.credit_minor + a.credit_minor,
        });
      }
      return {
        accounts: accounts.map((a) => ({ ...a, balance_minor: a.debit_minor - a.credit_minor })),
        totals: [...totals].map(([currency, t]) => ({ currency, ...t })),
      };
    });
  }

  depositsHeld(principal: Principal | null) {
    return inCallerOrg(this.db, principal, async (tx, orgId) => ({ items: await depositRows(tx, orgId) }));
  }
}
