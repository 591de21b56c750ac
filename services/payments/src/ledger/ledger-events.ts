import { isoDateToAvroDate, type PaymentMethod as EventPaymentMethod } from '@portfolioos/schemas';
import type { PaymentsTx } from '../db/database.js';
import { publish } from '../outbox.js';
import type { Allocation, Charge, LeaseLedger, LedgerChange } from './model.js';

const avroDate = (date: string | null) => (date === null ? null : isoDateToAvroDate(date));

type Common = { organization_id: string; occurred_at: number; lease_id: string };

interface EventContext {
  orgId: string;
  unitId: string;
  actor: string | null;
  occurredAt: number;
}

/** The payments events a stored change means, into the outbox of the same transaction. */
export async function publishChange(
  tx: PaymentsTx,
  ledger: LeaseLedger,
  change: LedgerChange,
  ctx: EventContext,
): Promise<void> {
  const common = { organization_id: ctx.orgId, occurred_at: ctx.occurredAt, lease_id: ledger.leaseId };
  for (const c of change.charges)
    await publish(tx, 'portfolioos.payments.ChargePosted', c.id, chargePosted(c, common, ctx));
  for (const p of change.payments)
    await publish(tx, 'portfolioos.payments.PaymentSucceeded', p.id, {
      ...common,
      payment_id: p.id,
      tenant_id: p.tenantId,
      method: p.method as EventPaymentMethod,
      amount_minor: p.amount,
      currency: p.currency,
      stripe_payment_intent_id: null,
      stripe_charge_id: null,
      fee_amount_minor: null,
      received_on: isoDateToAvroDate(p.receivedOn),
      reference: p.reference,
    });
  await publishAllocations(tx, ledger, change, common);
  for (const credit of change.credits)
    await publish(tx, 'portfolioos.payments.ChargeCredited', credit.chargeId, {
      ...common,
      charge_id: credit.chargeId,
      credit_id: credit.id,
      amount_minor: credit.amount,
      currency: credit.currency,
      reason: credit.reason,
      credited_by_user_id: ctx.actor,
    });
  await publishReversals(tx, ledger, change, common, ctx.actor);
}

function chargePosted(c: Charge, common: Common, ctx: EventContext) {
  return {
    ...common,
    charge_id: c.id,
    unit_id: ctx.unitId,
    tenant_id: null,
    charge_type: c.chargeType,
    description: c.description,
    amount_minor: c.amount,
    currency: c.currency,
    due_date: isoDateToAvroDate(c.dueDate),
    period_start: avroDate(c.periodStart),
    period_end: avroDate(c.periodEnd),
    work_order_id: null,
  };
}

/** One PaymentAllocated per payment that money was applied from (positive allocations only). */
async function publishAllocations(tx: PaymentsTx, ledger: LeaseLedger, change: LedgerChange, common: Common) {
  const byPayment = new Map<string, Allocation[]>();
  for (const a of change.allocations)
    if (a.paymentId && a.amount > 0) byPayment.set(a.paymentId, [...(byPayment.get(a.paymentId) ?? []), a]);
  const all = [...ledger.allocations, ...change.allocations];
  for (const [paymentId, parts] of byPayment) {
    const payment = [...ledger.payments, ...change.payments].find((p) => p.id === paymentId)!;
    const applied = all.filter((a) => a.paymentId === paymentId).reduce((s, a) => s + a.amount, 0);
    await publish(tx, 'portfolioos.payments.PaymentAllocated', paymentId, {
      ...common,
      payment_id: paymentId,
      currency: payment.currency,
      allocations: parts.map((a) => ({ allocation_id: a.id, charge_id: a.chargeId, amount_minor: a.amount })),
      unallocated_amount_minor: payment.amount - applied,
    });
  }
}

async function publishReversals(
  tx: PaymentsTx,
  ledger: LeaseLedger,
  change: LedgerChange,
  common: Common,
  actor: string | null,
) {
  for (const r of change.reversals) {
    if (r.chargeId) {
      const charge = ledger.charges.find((c) => c.id === r.chargeId)!;
      await publish(tx, 'portfolioos.payments.ChargeReversed', r.chargeId, {
        ...common,
        charge_id: r.chargeId,
        reversal_id: r.id,
        amount_minor: charge.amount,
        currency: charge.currency,
        reason: r.reason,
        reversed_by_user_id: actor,
      });
    } else if (r.paymentId) {
      const p = ledger.payments.find((x) => x.id === r.paymentId)!;
      // A returned check or bounced transfer is a failure after success: consumers undo the receipt.
      await publish(tx, 'portfolioos.payments.PaymentFailed', p.id, {
        ...common,
        payment_id: p.id,
        tenant_id: p.tenantId,
        method: p.method as EventPaymentMethod,
        amount_minor: p.amount,
        currency: p.currency,
        stripe_payment_intent_id: null,
        failure_code: null,
        failure_message: r.reason,
      });
    }
  }
}
