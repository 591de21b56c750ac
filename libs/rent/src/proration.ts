// Rent proration in integer minor units. No floats: amounts are products and floor divisions of
// integers that stay below 2^53 (rent ≤ 10^12 minor units × ≤ 31 days).

export type ProrationRule = 'by_days' | 'full' | 'none';

/** Days in a month (1-12) of a year, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The share of `monthlyMinor` for days `firstDay`..`lastDay` (inclusive, 1-based) of a month of
 * `monthDays` days. Each share is the difference of two cumulative floors, floor(rent × lastDay / n) −
 * floor(rent × (firstDay − 1) / n), so the shares of any split of a month into consecutive periods add up
 * to the monthly rent exactly: no cent is lost or invented however the month is cut.
 */
export function proratedShare(
  monthlyMinor: number,
  firstDay: number,
  lastDay: number,
  monthDays: number,
): number {
  if (!Number.isSafeInteger(monthlyMinor) || monthlyMinor < 0)
    throw new RangeError(`rent must be a non-negative integer of minor units: ${monthlyMinor}`);
  if (!(1 <= firstDay && firstDay <= lastDay && lastDay <= monthDays))
    throw new RangeError(`days ${firstDay}..${lastDay} are not within a month of ${monthDays} days`);
  const upTo = (day: number) => Math.floor((monthlyMinor * day) / monthDays);
  return upTo(lastDay) - upTo(firstDay - 1);
}

/** The first rent period of a lease: its first day to the end of that month (or the lease's end). */
export interface FirstPeriod {
  from: string;
  to: string;
  amount_minor: number;
}

/**
 * What the first, possibly partial, month costs under `rule`: `by_days` charges its days' share,
 * `full` a whole month, `none` nothing (rent starts with the first full month). A lease starting on the
 * 1st and running the whole month costs the monthly rent under every rule.
 */
export function firstPeriodRent(
  monthlyMinor: number,
  rule: ProrationRule,
  startDate: string,
  endDate: string | null,
): FirstPeriod {
  const [year, month, startDay] = startDate.split('-').map(Number) as [number, number, number];
  const monthDays = daysInMonth(year, month);
  const monthEnd = `${startDate.slice(0, 8)}${String(monthDays).padStart(2, '0')}`;
  const to = endDate !== null && endDate < monthEnd ? endDate : monthEnd;
  const lastDay = Number(to.slice(8, 10));
  const whole = startDay === 1 && lastDay === monthDays;
  const amount =
    whole || rule === 'full'
      ? monthlyMinor
      : rule === 'none'
        ? 0
        : proratedShare(monthlyMinor, startDay, lastDay, monthDays);
  return { from: startDate, to, amount_minor: amount };
}
