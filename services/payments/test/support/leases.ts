import { withTransaction } from '@portfolioos/db';
import { isoDateToAvroDate, type LeaseTerms } from '@portfolioos/schemas';
import type { PaymentsDb } from '../../src/db/database.js';
import { onLeaseTerms } from '../../src/leases/lease-events.handler.js';

export interface LeaseSeed {
  currency?: string;
  rentMinor?: number;
  startDate?: string;
  endDate?: string | null;
  timeZone?: string;
  /** Portal users who are parties of the lease. */
  userIds?: string[];
  terms?: Partial<LeaseTerms>;
}

/** leasing's LeaseTerms for a test lease (a Chicago unit, rent due on the 1st). */
export function leaseTerms(seed: LeaseSeed = {}): LeaseTerms {
  return {
    property_id: crypto.randomUUID(),
    unit_id: crypto.randomUUID(),
    parties: (seed.userIds ?? []).map((userId, i) => ({
      tenant_id: crypto.randomUUID(),
      user_id: userId,
      role: i === 0 ? 'PRIMARY_TENANT' : 'CO_TENANT',
      full_name: `Tenant ${i}`,
      email: null,
    })),
    start_date: isoDateToAvroDate(seed.startDate ?? '2026-01-01'),
    end_date: seed.endDate ? isoDateToAvroDate(seed.endDate) : null,
    currency: seed.currency ?? 'USD',
    rent_amount_minor: seed.rentMinor ?? 150_000,
    rent_due_day: 1,
    rent_schedule: [],
    deposit_amount_minor: 0,
    recurring_charges: [],
    time_zone: seed.timeZone ?? 'America/Chicago',
    move_in_date: null,
    first_month_proration: 'BY_DAYS',
    late_fee_policy: null,
    ...seed.terms,
  };
}

/** A signed lease of `orgId`, stored the way the lease consumer stores LeaseSigned. */
export async function seedLease(db: PaymentsDb, orgId: string, seed: LeaseSeed = {}): Promise<string> {
  const leaseId = crypto.randomUUID();
  await withTransaction(db, (tx) =>
    onLeaseTerms(
      { lease_id: leaseId, organization_id: orgId, occurred_at: Date.now(), terms: leaseTerms(seed) },
      'signed',
      tx,
    ),
  );
  return leaseId;
}
