import { localDate } from '@portfolioos/rent';
import { sql } from 'drizzle-orm';
import type { PaymentsTx } from '../db/database.js';
import type { LeaseTermsSnapshot } from '../leases/terms.js';
import { changeLease } from '../ledger/change-lease.js';
import { applyChange, emptyChange, type LedgerChange } from '../ledger/model.js';
import { planCharge } from '../ledger/plans.js';
import { mergeChanges } from '../ledger/rows.js';
import { chargesDueBy } from './rent-schedule.js';

/** "Today" for a lease: a fixed date (staff's as_of) or the date it is now in the property's zone. */
export type RunDate = { asOf: string } | { now: Date };

const newId = () => crypto.randomUUID();

/** Leases that bill rent: signed or running, and ended ones (periods before their end may still be due). */
async function billableLeases(tx: PaymentsTx, orgId: string) {
  const { rows } = await tx.execute<{ id: string; terms: LeaseTermsSnapshot }>(
    sql`select id, terms from leases where org_id = ${orgId}
         and status in ('signed', 'active', 'ended', 'terminated') order by id`,
  );
  return rows;
}

/**
 * Posts every scheduled charge of the organization's leases due by the run date and not posted yet.
 * Idempotent: each lease is locked, its posted (schedule, period) pairs read under the lock and skipped,
 * and the unique (lease, schedule key, period start) index refuses any that slipped through — so a re-run,
 * a second replica or a replayed event adds nothing.
 */
export async function runRent(tx: PaymentsTx, orgId: string, date: RunDate) {
  let posted = 0;
  const leases = await billableLeases(tx, orgId);
  for (const lease of leases) {
    const today = 'asOf' in date ? date.asOf : localDate(date.now, lease.terms.timeZone);
    const { change } = await changeLease(tx, orgId, lease.id, null, (ledger, rule) => {
      const seen = new Set(ledger.charges.map((c) => `${c.scheduleKey}/${c.periodStart}`));
      let state = ledger;
      let all: LedgerChange = emptyChange();
      for (const due of chargesDueBy(lease.terms, today)) {
        if (seen.has(`${due.scheduleKey}/${due.periodStart}`)) continue;
        const one = planCharge(state, { ...due, currency: ledger.currency }, rule, newId);
        state = applyChange(state, one);
        all = mergeChanges(all, one);
      }
      return all;
    });
    posted += change.charges.length;
  }
  return { leases: leases.length, charges_posted: posted };
}
