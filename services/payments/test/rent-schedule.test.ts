import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LeaseTermsSnapshot } from '../src/leases/terms.js';
import { chargesDueBy } from '../src/rent-run/rent-schedule.js';

const terms = (over: Partial<LeaseTermsSnapshot> = {}): LeaseTermsSnapshot => ({
  startDate: '2026-01-15',
  endDate: '2026-04-10',
  timeZone: 'America/Chicago',
  currency: 'USD',
  rentMinor: 155_000,
  rentDueDay: 1,
  rentSchedule: [],
  depositMinor: 0,
  recurringCharges: [],
  proration: 'BY_DAYS',
  lateFeePolicy: null,
  ...over,
});
const brief = (t: LeaseTermsSnapshot, today: string) =>
  chargesDueBy(t, today).map((c) => [c.scheduleKey, c.periodStart, c.periodEnd, c.dueDate, c.amount]);

describe('the rent schedule', () => {
  test('a mid-month start is prorated by days and due on its first day; later months on the due day', () => {
    // January: days 15..31 of 31 → floor(155000×31/31) − floor(155000×14/31) = 155000 − 70000 = 85000.
    assert.deepEqual(brief(terms(), '2026-02-01'), [
      ['rent', '2026-01-15', '2026-01-31', '2026-01-15', 85_000],
      ['rent', '2026-02-01', '2026-02-28', '2026-02-01', 155_000],
    ]);
  });

  test('nothing is due before its due date; the last short month is prorated; nothing after the end', () => {
    assert.deepEqual(brief(terms(), '2026-01-14'), []);
    const all = brief(terms(), '2030-01-01');
    assert.equal(all.length, 4);
    // April 1..10 of 30 days: floor(155000×10/30) = 51666.
    assert.deepEqual(all.at(-1), ['rent', '2026-04-01', '2026-04-10', '2026-04-01', 51_666]);
  });

  test('FULL and NONE rules; scheduled rent changes; monthly recurring charges beside rent', () => {
    assert.equal(brief(terms({ proration: 'FULL' }), '2026-01-15')[0]![4], 155_000);
    assert.deepEqual(brief(terms({ proration: 'NONE' }), '2026-01-31'), []);
    const changed = terms({
      startDate: '2026-01-01',
      endDate: null,
      rentSchedule: [{ effectiveFrom: '2026-03-01', amountMinor: 160_000 }],
      recurringCharges: [
        { kind: 'PARKING', description: 'Parking 14', amountMinor: 7_500, frequency: 'MONTHLY' },
        { kind: 'STORAGE', description: 'Locker', amountMinor: 20_000, frequency: 'YEARLY' },
      ],
    });
    assert.deepEqual(
      brief(changed, '2026-03-01').map(([key, from, , , amount]) => [key, from, amount]),
      [
        ['rent', '2026-01-01', 155_000],
        ['recurring:PARKING:Parking 14', '2026-01-01', 7_500],
        ['rent', '2026-02-01', 155_000],
        ['recurring:PARKING:Parking 14', '2026-02-01', 7_500],
        ['rent', '2026-03-01', 160_000],
        ['recurring:PARKING:Parking 14', '2026-03-01', 7_500],
      ],
    );
  });
});
