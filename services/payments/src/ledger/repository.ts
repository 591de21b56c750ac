import { and, asc, eq, sql } from 'drizzle-orm';
import type { PaymentsTx } from '../db/database.js';
import { allocations, charges, credits, payments, reversals } from '../db/schema.js';
import type {
  Allocation,
  Charge,
  ChargeType,
  Credit,
  CreditKind,
  LeaseLedger,
  Payment,
  PaymentMethod,
  Reversal,
} from './model.js';

// Reads of one lease's ledger rows. Every query filters by organization too: RLS is the net, not the only check.

const chargeOf = (r: typeof charges.$inferSelect): Charge => ({
  id: r.id,
  leaseId: r.leaseId,
  chargeType: r.chargeType as ChargeType,
  description: r.description,
  amount: r.amountMinor,
  currency: r.currency,
  dueDate: r.dueDate,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  scheduleKey: r.scheduleKey,
  seq: r.seq,
});

const paymentOf = (r: typeof payments.$inferSelect): Payment => ({
  id: r.id,
  leaseId: r.leaseId,
  tenantId: r.tenantId,
  method: r.method as PaymentMethod,
  reference: r.reference,
  amount: r.amountMinor,
  currency: r.currency,
  receivedOn: r.receivedOn,
  seq: r.seq,
});

const creditOf = (r: typeof credits.$inferSelect): Credit => ({
  id: r.id,
  leaseId: r.leaseId,
  chargeId: r.chargeId,
  kind: r.kind as CreditKind,
  amount: r.amountMinor,
  currency: r.currency,
  reason: r.reason,
});

const allocationOf = (r: typeof allocations.$inferSelect): Allocation => ({
  id: r.id,
  leaseId: r.leaseId,
  chargeId: r.chargeId,
  paymentId: r.paymentId,
  creditId: r.creditId,
  amount: r.amountMinor,
  currency: r.currency,
  reversesAllocationId: r.reversesAllocationId,
});

const reversalOf = (r: typeof reversals.$inferSelect): Reversal => ({
  id: r.id,
  leaseId: r.leaseId,
  paymentId: r.paymentId,
  chargeId: r.chargeId,
  reason: r.reason,
});

/** All rows of a lease's ledger, each kind in posting order. */
export async function loadLedger(
  tx: PaymentsTx,
  orgId: string,
  lease: { id: string; currency: string },
): Promise<LeaseLedger> {
  const of = <T extends typeof charges | typeof payments | typeof allocations>(t: T) =>
    and(eq(t.orgId, orgId), eq(t.leaseId, lease.id));
  // One after another: a transaction is one connection, which runs one query at a time.
  const c = await tx.select().from(charges).where(of(charges)).orderBy(asc(charges.seq));
  const p = await tx.select().from(payments).where(of(payments)).orderBy(asc(payments.seq));
  const cr = await tx
    .select()
    .from(credits)
    .where(and(eq(credits.orgId, orgId), eq(credits.leaseId, lease.id)));
  const a = await tx.select().from(allocations).where(of(allocations)).orderBy(asc(allocations.seq));
  const r = await tx
    .select()
    .from(reversals)
    .where(and(eq(reversals.orgId, orgId), eq(reversals.leaseId, lease.id)));
  return {
    leaseId: lease.id,
    currency: lease.currency,
    charges: c.map(chargeOf),
    payments: p.map(paymentOf),
    credits: cr.map(creditOf),
    allocations: a.map(allocationOf),
    reversals: r.map(reversalOf),
  };
}

/** Serialises every money operation on one lease: the next waits until this transaction ends. */
export async function lockLease(tx: PaymentsTx, orgId: string, leaseId: string) {
  const { rows } = await tx.execute<{ id: string; currency: string; status: string; unit_id: string }>(
    sql`select id, currency, status, unit_id from leases where org_id = ${orgId} and id = ${leaseId} for update`,
  );
  return rows[0];
}
