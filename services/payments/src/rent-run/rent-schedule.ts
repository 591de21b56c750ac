import { daysInMonth, firstPeriodRent, proratedShare, type ProrationRule } from '@portfolioos/rent';
import type { LeaseTermsSnapshot } from '../leases/terms.js';
import type { ChargeType } from '../ledger/model.js';

/** A charge the lease's terms schedule for one period; unique per lease by (scheduleKey, periodStart). */
export interface ScheduledCharge {
  scheduleKey: string;
  chargeType: ChargeType;
  description: string;
  amount: number;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string | null) => (b !== null && b < a ? b : a);

/** The monthly rent in force on `date`: the last scheduled change on or before it, else the base rent. */
function rentOn(terms: LeaseTermsSnapshot, date: string): number {
  const change = terms.rentSchedule.filter((e) => e.effectiveFrom <= date).at(-1);
  return change ? change.amountMinor : terms.rentMinor;
}

/** Rent for one calendar-month period: the first by the lease's rule, a short last month by its days. */
function periodRent(terms: LeaseTermsSnapshot, from: string, to: string, monthly: number): number {
  if (from === terms.startDate)
    return firstPeriodRent(monthly, terms.proration.toLowerCase() as ProrationRule, from, terms.endDate)
      .amount_minor;
  const [y, m] = from.split('-').map(Number) as [number, number];
  return proratedShare(monthly, 1, Number(to.slice(8, 10)), daysInMonth(y, m));
}

/**
 * Every rent and monthly recurring charge of the lease due on or before `today` (a calendar date in the
 * property's zone). Periods are calendar months within the lease's dates; each is due on the rent due day
 * of its month, or on its first day when it starts later (a mid-month move-in). Pure: the rent run posts
 * those not posted yet.
 */
export function chargesDueBy(terms: LeaseTermsSnapshot, today: string): ScheduledCharge[] {
  const due: ScheduledCharge[] = [];
  let [year, month] = terms.startDate.split('-').map(Number) as [number, number];
  for (;;) {
    const from = maxDate(monthStart(year, month), terms.startDate);
    if (terms.endDate !== null && from > terms.endDate) break;
    const dueDate = maxDate(from, `${year}-${pad(month)}-${pad(terms.rentDueDay)}`);
    if (dueDate > today) break;
    const to = minDate(monthEnd(year, month), terms.endDate);
    const period = { dueDate, periodStart: from, periodEnd: to };
    const label = `${year}-${pad(month)}`;
    const rent = periodRent(terms, from, to, rentOn(terms, from));
    if (rent > 0)
      due.push({
        ...period,
        scheduleKey: 'rent',
        chargeType: 'RENT',
        description: `Rent ${label}`,
        amount: rent,
      });
    for (const c of terms.recurringCharges.filter((r) => r.frequency === 'MONTHLY' && r.amountMinor > 0))
      due.push({
        ...period,
        scheduleKey: `recurring:${c.kind}:${c.description}`,
        chargeType: c.kind === 'UTILITY' ? 'UTILITY' : 'OTHER',
        description: `${c.description} ${label}`,
        amount: c.amountMinor,
      });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return due;
}
