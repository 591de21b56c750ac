import {
  avroDateToIsoDate,
  type LateFeePolicy,
  type LeaseTerms,
  type RecurringChargeKind,
} from '@portfolioos/schemas';

/** A lease's terms as the ledger keeps them: ISO dates, the proration rule and late-fee policy resolved. */
export interface LeaseTermsSnapshot {
  startDate: string;
  endDate: string | null;
  /** IANA zone of the property: due dates and "today" are calendar dates there. */
  timeZone: string;
  currency: string;
  rentMinor: number;
  rentDueDay: number;
  rentSchedule: { effectiveFrom: string; amountMinor: number }[];
  depositMinor: number;
  recurringCharges: {
    kind: RecurringChargeKind;
    description: string;
    amountMinor: number;
    frequency: string;
  }[];
  proration: 'BY_DAYS' | 'FULL' | 'NONE';
  lateFeePolicy: LateFeePolicy | null;
}

// Events from before leasing carried the zone and the rule: UTC dates, and the days' share (leasing's
// own default), are the reading that changes nothing for leases that start on the 1st.
const FALLBACK_TIME_ZONE = 'UTC';

/** The snapshot of leasing's LeaseTerms record. */
export function snapshotOf(terms: LeaseTerms): LeaseTermsSnapshot {
  const proration = terms.first_month_proration;
  return {
    startDate: avroDateToIsoDate(terms.start_date),
    endDate: terms.end_date === null ? null : avroDateToIsoDate(terms.end_date),
    timeZone: terms.time_zone ?? FALLBACK_TIME_ZONE,
    currency: terms.currency,
    rentMinor: terms.rent_amount_minor,
    rentDueDay: terms.rent_due_day,
    rentSchedule: terms.rent_schedule.map((e) => ({
      effectiveFrom: avroDateToIsoDate(e.effective_from),
      amountMinor: e.amount_minor,
    })),
    depositMinor: terms.deposit_amount_minor,
    recurringCharges: terms.recurring_charges.map((c) => ({
      kind: c.kind,
      description: c.description,
      amountMinor: c.amount_minor,
      frequency: c.frequency,
    })),
    proration: proration === null || proration === 'UNKNOWN' ? 'BY_DAYS' : proration,
    lateFeePolicy: terms.late_fee_policy,
  };
}
