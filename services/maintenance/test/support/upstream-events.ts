import { isoDateToAvroDate, type LeaseSigned, type LeaseTerms } from '@portfolioos/schemas';

/** What a signed lease says, reduced to what maintenance reads, with the rest filled plausibly. */
export interface TenancyFixture {
  orgId: string;
  leaseId?: string;
  unitId: string;
  propertyId: string;
  startDate: string;
  endDate?: string | null;
  timeZone?: string | null;
  parties: { tenantId: string; userId: string | null; role?: LeaseTerms['parties'][number]['role'] }[];
  occurredAt?: number;
}

/** A LeaseSigned payload for the fixture. */
export function leaseSigned(f: TenancyFixture): LeaseSigned {
  return {
    lease_id: f.leaseId ?? crypto.randomUUID(),
    organization_id: f.orgId,
    occurred_at: f.occurredAt ?? Date.now(),
    application_id: null,
    renewal_of_lease_id: null,
    envelope_id: null,
    terms: {
      property_id: f.propertyId,
      unit_id: f.unitId,
      parties: f.parties.map((p) => ({
        tenant_id: p.tenantId,
        user_id: p.userId,
        role: p.role ?? 'PRIMARY_TENANT',
        full_name: 'Dana Whitfield',
        email: null,
      })),
      start_date: isoDateToAvroDate(f.startDate),
      end_date: f.endDate ? isoDateToAvroDate(f.endDate) : null,
      currency: 'USD',
      rent_amount_minor: 150_000,
      rent_due_day: 1,
      rent_schedule: [],
      deposit_amount_minor: 150_000,
      recurring_charges: [],
      time_zone: f.timeZone === undefined ? 'America/Chicago' : f.timeZone,
      move_in_date: null,
      first_month_proration: null,
      late_fee_policy: null,
    },
  };
}
