import { notFound, type Principal } from '@portfolioos/service-kit';
import { actorOf, inCallerOrg } from '../access.js';
import type { ReversalBody } from '../charges/schemas.js';
import type { PaymentsDb } from '../db/database.js';
import type { KeyedResponse } from '../idempotency.js';
import { changeLease, leaseOfRecord } from '../ledger/change-lease.js';
import { keyedOperation } from '../ledger/keyed-operation.js';
import { paymentToJson } from '../ledger/mapping.js';
import { planPayment } from '../ledger/plans.js';
import { loadLedger } from '../ledger/repository.js';
import { planPaymentReversal } from '../ledger/reversal-plans.js';
import { visibleLease } from '../leases/visibility.js';
import type { PaymentBody } from './schemas.js';

type Key = { key: string; hash: string };
const newId = () => crypto.randomUUID();

/** Payments staff record (cash, check, bank transfer, money order) and their reversals. */
export class PaymentService {
  constructor(private readonly db: PaymentsDb) {}

  record(principal: Principal | null, key: Key, body: PaymentBody): Promise<KeyedResponse> {
    return keyedOperation(this.db, principal, key, async (tx, orgId) => {
      const input = {
        tenantId: body.tenant_id ?? null,
        method: body.method,
        reference: body.reference ?? null,
        amount: body.amount_minor,
        currency: body.currency,
        receivedOn: body.received_on,
      };
      const { after, change } = await changeLease(
        tx,
        orgId,
        body.lease_id,
        actorOf(principal),
        (ledger, rule) => planPayment(ledger, input, rule, newId),
      );
      return { statusCode: 201, body: paymentToJson(after, change.payments[0]!) };
    });
  }

  reverse(
    principal: Principal | null,
    key: Key,
    paymentId: string,
    body: ReversalBody,
  ): Promise<KeyedResponse> {
    return keyedOperation(this.db, principal, key, async (tx, orgId) => {
      const leaseId = await leaseOfRecord(tx, orgId, 'payments', paymentId);
      const { after } = await changeLease(tx, orgId, leaseId, actorOf(principal), (ledger, rule) =>
        planPaymentReversal(ledger, paymentId, body.reason, rule, newId),
      );
      return {
        statusCode: 201,
        body: paymentToJson(
          after,
          after.payments.find((p) => p.id === paymentId)!,
        ),
      };
    });
  }

  get(principal: Principal | null, paymentId: string) {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const leaseId = await leaseOfRecord(tx, orgId, 'payments', paymentId);
      const ledger = await loadLedger(tx, orgId, await visibleLease(tx, orgId, leaseId, principal));
      const payment = ledger.payments.find((p) => p.id === paymentId);
      if (!payment) throw notFound();
      return paymentToJson(ledger, payment);
    });
  }
}
