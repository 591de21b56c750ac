import { notFound, type Principal } from '@portfolioos/service-kit';
import { actorOf, inCallerOrg } from '../access.js';
import type { PaymentsDb } from '../db/database.js';
import type { KeyedResponse } from '../idempotency.js';
import { changeLease, leaseOfRecord } from '../ledger/change-lease.js';
import { keyedOperation } from '../ledger/keyed-operation.js';
import { chargeToJson } from '../ledger/mapping.js';
import { planCharge, planCredit } from '../ledger/plans.js';
import { loadLedger } from '../ledger/repository.js';
import { planChargeVoid } from '../ledger/reversal-plans.js';
import { visibleLease } from '../leases/visibility.js';
import { runRent } from '../rent-run/rent-run.js';
import type { ChargeBody, CreditBody, ReversalBody } from './schemas.js';

type Key = { key: string; hash: string };
const newId = () => crypto.randomUUID();

/** Charges staff post by hand (one-off charges, credits on them, voids). */
export class ChargeService {
  constructor(private readonly db: PaymentsDb) {}

  post(principal: Principal | null, key: Key, body: ChargeBody): Promise<KeyedResponse> {
    return keyedOperation(this.db, principal, key, async (tx, orgId) => {
      const input = {
        chargeType: body.charge_type,
        description: body.description,
        amount: body.amount_minor,
        currency: body.currency,
        dueDate: body.due_date,
        periodStart: null,
        periodEnd: null,
        scheduleKey: null,
      };
      const { after, change } = await changeLease(
        tx,
        orgId,
        body.lease_id,
        actorOf(principal),
        (ledger, rule) => planCharge(ledger, input, rule, newId),
      );
      return { statusCode: 201, body: chargeToJson(after, change.charges[0]!) };
    });
  }

  credit(principal: Principal | null, key: Key, chargeId: string, body: CreditBody): Promise<KeyedResponse> {
    return keyedOperation(this.db, principal, key, async (tx, orgId) => {
      const leaseId = await leaseOfRecord(tx, orgId, 'charges', chargeId);
      const credit = { chargeId, amount: body.amount_minor, kind: body.kind, reason: body.reason };
      const { after, change } = await changeLease(tx, orgId, leaseId, actorOf(principal), (ledger) =>
        planCredit(ledger, credit, newId),
      );
      const charge = after.charges.find((c) => c.id === chargeId)!;
      return {
        statusCode: 201,
        body: { credit_id: change.credits[0]!.id, charge: chargeToJson(after, charge) },
      };
    });
  }

  void(principal: Principal | null, key: Key, chargeId: string, body: ReversalBody): Promise<KeyedResponse> {
    return keyedOperation(this.db, principal, key, async (tx, orgId) => {
      const leaseId = await leaseOfRecord(tx, orgId, 'charges', chargeId);
      const { after, change } = await changeLease(tx, orgId, leaseId, actorOf(principal), (ledger, rule) =>
        planChargeVoid(ledger, chargeId, body.reason, rule, newId),
      );
      const charge = after.charges.find((c) => c.id === chargeId)!;
      return {
        statusCode: 201,
        body: { reversal_id: change.reversals[0]!.id, charge: chargeToJson(after, charge) },
      };
    });
  }

  /** Posts what the organization's leases owe by `asOf` (each lease's own calendar date). */
  rentRun(principal: Principal | null, key: Key, asOf: string): Promise<KeyedResponse> {
    return keyedOperation(this.db, principal, key, async (tx, orgId) => ({
      statusCode: 200,
      body: { as_of: asOf, ...(await runRent(tx, orgId, { asOf })) },
    }));
  }

  /** The charges of a lease the caller may see, oldest first. */
  list(principal: Principal | null, leaseId: string) {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const lease = await visibleLease(tx, orgId, leaseId, principal);
      const ledger = await loadLedger(tx, orgId, lease);
      return { items: ledger.charges.map((c) => chargeToJson(ledger, c)) };
    });
  }

  get(principal: Principal | null, chargeId: string) {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const leaseId = await leaseOfRecord(tx, orgId, 'charges', chargeId);
      const lease = await visibleLease(tx, orgId, leaseId, principal);
      const ledger = await loadLedger(tx, orgId, lease);
      const charge = ledger.charges.find((c) => c.id === chargeId);
      if (!charge) throw notFound();
      return chargeToJson(ledger, charge);
    });
  }
}
