// The pure lease rules (no database): the lifecycle table and rent proration. One file, so the suite
// pays for one test process instead of two.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ProblemError } from '@portfolioos/service-kit';
import { statusAfter, type LeaseAction, type LeaseStatus } from '../src/leases/lifecycle.js';
import { daysInMonth, firstPeriodRent, proratedShare } from '@portfolioos/rent';

const statuses: LeaseStatus[] = [
  'draft',
  'out_for_signature',
  'signed',
  'active',
  'notice_given',
  'ended',
  'cancelled',
  'terminated',
];

/** Every allowed (status, action) and where it leads; everything else is a 409. */
const allowed: Record<string, LeaseStatus> = {
  'draft send': 'out_for_signature',
  'draft cancel': 'cancelled',
  'out_for_signature sign': 'signed',
  'out_for_signature cancel': 'cancelled',
  'signed start': 'active',
  'signed terminate': 'terminated',
  'signed renew': 'signed',
  'active give_notice': 'notice_given',
  'active end': 'ended',
  'active terminate': 'terminated',
  'active renew': 'active',
  'notice_given end': 'ended',
  'notice_given terminate': 'terminated',
  'notice_given renew': 'notice_given',
};
const actions: LeaseAction[] = [
  'send',
  'sign',
  'start',
  'give_notice',
  'end',
  'terminate',
  'cancel',
  'renew',
];

describe('the lease lifecycle', () => {
  test('every status × action: the allowed ones move on, every other one is a 409 invalid-transition', () => {
    for (const status of statuses)
      for (const action of actions) {
        const expected = allowed[`${status} ${action}`];
        if (expected) assert.equal(statusAfter(status, action), expected, `${status} ${action}`);
        else
          assert.throws(
            () => statusAfter(status, action),
            (error: unknown) =>
              error instanceof ProblemError &&
              error.status === 409 &&
              error.type.endsWith('/invalid-transition'),
            `${status} ${action}`,
          );
      }
  });
});

const rent = fc.integer({ min: 0, max: 1_000_000_000_000 });
const month = fc.record({
  year: fc.integer({ min: 1970, max: 2200 }),
  month: fc.integer({ min: 1, max: 12 }),
});

/** A month cut into consecutive periods: the first days of every period after the first. */
const cuts = (monthDays: number) =>
  fc
    .uniqueArray(fc.integer({ min: 2, max: monthDays }), { maxLength: monthDays - 1 })
    .map((days) => days.sort((a, b) => a - b));

describe('rent proration (pure, integer minor units)', () => {
  test('the shares of any split of a month add up to the monthly rent, each an integer', () => {
    fc.assert(
      fc.property(rent, month, (monthly, { year, month: m }) => {
        const monthDays = daysInMonth(year, m);
        fc.assert(
          fc.property(cuts(monthDays), (starts) => {
            const firsts = [1, ...starts];
            const shares = firsts.map((first, i) =>
              proratedShare(monthly, first, (firsts[i + 1] ?? monthDays + 1) - 1, monthDays),
            );
            for (const share of shares) assert.ok(Number.isSafeInteger(share) && share >= 0, `${share}`);
            assert.equal(
              shares.reduce((a, b) => a + b, 0),
              monthly,
            );
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 300 },
    );
  });

  test('a lease moving in mid-month pays its days under by_days, a whole month under full, nothing under none', () => {
    // 2027-02 has 28 days; moving in on the 15th = 14 days of 28.
    assert.deepEqual(firstPeriodRent(150_000, 'by_days', '2027-02-15', null), {
      from: '2027-02-15',
      to: '2027-02-28',
      amount_minor: 75_000,
    });
    assert.equal(firstPeriodRent(150_000, 'full', '2027-02-15', null).amount_minor, 150_000);
    assert.equal(firstPeriodRent(150_000, 'none', '2027-02-15', null).amount_minor, 0);
    // Starting on the 1st is a whole month whatever the rule.
    for (const rule of ['by_days', 'full', 'none'] as const)
      assert.equal(firstPeriodRent(99_999, rule, '2028-02-01', '2029-01-31').amount_minor, 99_999);
    // A lease ending inside its first month is charged up to its end date: 10 of 31 days, rounded down.
    assert.deepEqual(firstPeriodRent(100_000, 'by_days', '2027-03-01', '2027-03-10'), {
      from: '2027-03-01',
      to: '2027-03-10',
      amount_minor: 32_258,
    });
  });

  test('leap years and bad input', () => {
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(2100, 2), 28);
    assert.throws(() => proratedShare(10.5, 1, 2, 30), RangeError);
    assert.throws(() => proratedShare(1000, 5, 4, 30), RangeError);
    assert.throws(() => proratedShare(1000, 1, 31, 30), RangeError);
  });
});
