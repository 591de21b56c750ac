import { isoDateToAvroDate, type LeaseTerms } from '@portfolioos/schemas';
import { firstPeriodRent, type ProrationRule } from '@portfolioos/rent';
import type { LeaseWithParties } from './repository.js';

const upper = <T extends string>(value: string) => value.toUpperCase() as T;
const avroDate = (date: string | null) => (date === null ? null : isoDateToAvroDate(date));

export const leaseToJson = (lease: LeaseWithParties) => ({
  id: lease.id,
  unit_id: lease.unitId,
  property_id: lease.propertyId,
  status: lease.status,
  time_zone: lease.timeZone,
  term_kind: lease.endDate === null ? ('month_to_month' as const) : ('fixed' as const),
  start_date: lease.startDate,
  end_date: lease.endDate,
  move_in_date: lease.moveInDate,
  currency: lease.currency,
  rent_minor: lease.rentMinor,
  rent_due_day: lease.rentDueDay,
  proration: lease.proration as ProrationRule,
  first_period: firstPeriodRent(
    lease.rentMinor,
    lease.proration as ProrationRule,
    lease.startDate,
    lease.endDate,
  ),
  deposit_minor: lease.depositMinor,
  recurring_charges: lease.recurringCharges,
  late_fee_policy: lease.lateFeePolicy,
  parties: lease.parties.map((p) => ({
    tenant_id: p.tenantId,
    role: p.role,
    full_name: p.fullName,
    email: p.email,
  })),
  renewal_of_lease_id: lease.renewalOfLeaseId,
  renewed_by_lease_id: lease.renewedByLeaseId,
  notice:
    lease.noticeDate === null ? null : { date: lease.noticeDate, given_by: lease.noticeGivenBy ?? 'unknown' },
  termination_reason: lease.terminationReason,
  signing:
    lease.signingMethod === null
      ? null
      : {
          method: lease.signingMethod,
          envelope_id: lease.envelopeId,
          signed_at: lease.signedAt?.toISOString() ?? null,
        },
  created_at: lease.createdAt.toISOString(),
  updated_at: lease.updatedAt.toISOString(),
});

/** The terms as events carry them: everything payments needs to charge rent, fees and deposits. */
export function leaseTerms(lease: LeaseWithParties): LeaseTerms {
  const policy = lease.lateFeePolicy;
  return {
    property_id: lease.propertyId,
    unit_id: lease.unitId,
    parties: lease.parties.map((p) => ({
      tenant_id: p.tenantId,
      user_id: p.userId,
      role: upper(p.role),
      full_name: p.fullName,
      email: p.email,
    })),
    start_date: isoDateToAvroDate(lease.startDate),
    end_date: avroDate(lease.endDate),
    currency: lease.currency,
    rent_amount_minor: lease.rentMinor,
    rent_due_day: lease.rentDueDay,
    rent_schedule: [],
    deposit_amount_minor: lease.depositMinor,
    recurring_charges: lease.recurringCharges.map((c) => ({
      kind: upper(c.kind),
      description: c.description,
      amount_minor: c.amount_minor,
      frequency: upper(c.frequency),
    })),
    time_zone: lease.timeZone,
    move_in_date: avroDate(lease.moveInDate),
    first_month_proration: upper<NonNullable<LeaseTerms['first_month_proration']>>(lease.proration),
    late_fee_policy: policy && {
      grace_days: policy.grace_days,
      calculation: upper(policy.calculation),
      amount_minor: policy.amount_minor,
      rate_basis_points: policy.rate_basis_points,
      frequency: upper(policy.frequency),
      max_total_minor: policy.max_total_minor,
    },
  };
}
