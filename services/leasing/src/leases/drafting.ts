import { unprocessable } from '@portfolioos/service-kit';
import type { LeasingTx } from '../db/database.js';
import { refusingOverlap } from '../db/errors.js';
import { publish } from '../outbox.js';
import { lateFeePolicy, leaseParties, termEndDate } from './draft-rules.js';
import { isTimeZone } from '@portfolioos/rent';
import { leaseTerms } from './mapping.js';
import {
  findLeasableUnit,
  findTenantsById,
  insertLease,
  type LeaseWithParties,
  type NewLease,
  type PartyRole,
} from './repository.js';
import type { LeaseBody } from './schemas.js';

/** The unit's property and time zone, or a 422: leases are only drafted for units listings told us of. */
async function leasableUnit(tx: LeasingTx, orgId: string, unitId: string) {
  const unit = await findLeasableUnit(tx, orgId, unitId);
  if (!unit || unit.archived)
    throw unprocessable('No such unit (or it is archived) in this organization.', 'unknown-unit');
  if (!unit.timeZone || !isTimeZone(unit.timeZone))
    throw unprocessable("The unit's property has no known time zone yet.", 'unknown-time-zone');
  return { ...unit, timeZone: unit.timeZone };
}

async function requireTenants(tx: LeasingTx, orgId: string, ids: string[]): Promise<void> {
  const found = new Set((await findTenantsById(tx, orgId, ids)).map((t) => t.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw unprocessable(`No such tenant in this organization: ${missing.join(', ')}.`, 'unknown-tenant');
}

/** Writes a draft lease and its LeaseDrafted event; the exclusion constraint refuses overlaps (409). */
export async function insertDraft(
  tx: LeasingTx,
  row: Omit<NewLease, 'status'>,
  parties: { tenantId: string; role: PartyRole }[],
): Promise<LeaseWithParties> {
  await requireTenants(
    tx,
    row.orgId,
    parties.map((p) => p.tenantId),
  );
  // A savepoint, so a refused insert leaves the caller's transaction usable and reports a 409.
  const lease = await refusingOverlap(() =>
    tx.transaction((savepoint) => insertLease(savepoint, { ...row, status: 'draft' }, parties)),
  );
  await publish(tx, 'portfolioos.leasing.LeaseDrafted', lease.id, {
    lease_id: lease.id,
    organization_id: lease.orgId,
    occurred_at: lease.createdAt.getTime(),
    renewal_of_lease_id: lease.renewalOfLeaseId,
    terms: leaseTerms(lease),
  });
  return lease;
}

/** Drafts a lease of a unit from a staff request. */
export async function draftLease(tx: LeasingTx, orgId: string, body: LeaseBody): Promise<LeaseWithParties> {
  const unit = await leasableUnit(tx, orgId, body.unit_id);
  const parties = leaseParties(body);
  return insertDraft(
    tx,
    {
      orgId,
      unitId: unit.unitId,
      propertyId: unit.propertyId,
      timeZone: unit.timeZone,
      startDate: body.start_date,
      endDate: termEndDate(body.term_kind, body.start_date, body.end_date),
      moveInDate: body.move_in_date ?? null,
      currency: body.currency,
      rentMinor: body.rent_minor,
      rentDueDay: body.rent_due_day,
      proration: body.proration ?? 'by_days',
      depositMinor: body.deposit_minor ?? 0,
      recurringCharges: (body.recurring_charges ?? []).map((c) => ({
        ...c,
        frequency: c.frequency ?? 'monthly',
      })),
      lateFeePolicy: lateFeePolicy(body.late_fee_policy),
    },
    parties,
  );
}
