import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepAliveMillis, PitBudget } from '../src/search/pit-budget.js';

const budget = (limits: { perClient: number; total: number }) => {
  let now = 0;
  const pits = new PitBudget({ ...limits, keepAliveMs: 1000 }, () => now);
  return { pits, advance: (ms: number) => (now += ms) };
};

test('a client gets its cap, the replica its total; reservations count before the PIT exists', () => {
  const { pits } = budget({ perClient: 2, total: 3 });
  const a = pits.reserve('a');
  assert.ok(a && pits.reserve('a'), 'two for a, one still unopened');
  assert.equal(pits.reserve('a'), null, 'a is at its cap');
  a.bind('pit-1');
  assert.ok(pits.reserve('b'), 'b has its own');
  assert.equal(pits.reserve('c'), null, 'the replica is at its total');
  assert.equal(pits.size, 3);
});

test('released, closed and expired places are free again; a page keeps its PIT counted', () => {
  const { pits, advance } = budget({ perClient: 1, total: 10 });
  pits.reserve('a')!.release();
  pits.reserve('a')!.bind('pit-1');
  assert.equal(pits.reserve('a'), null);
  pits.closed('pit-1');
  pits.reserve('a')!.bind('pit-2');
  advance(900);
  pits.touched('pit-2', 'a'); // the next page extends its keep-alive
  advance(900);
  assert.equal(pits.reserve('a'), null, 'still alive: paged 900 ms ago');
  advance(200);
  assert.ok(pits.reserve('a'), 'expired: its keep-alive passed with no page');
});

test('a PIT opened by another replica is adopted on its first page here', () => {
  const { pits } = budget({ perClient: 1, total: 10 });
  pits.touched('from-elsewhere', 'a');
  assert.equal(pits.reserve('a'), null);
  assert.equal(pits.size, 1);
});

test('keep-alive values in the config spelling', () => {
  assert.equal(keepAliveMillis('90s'), 90_000);
  assert.equal(keepAliveMillis('2m'), 120_000);
  assert.equal(keepAliveMillis('1h'), 3_600_000);
  assert.throws(() => keepAliveMillis('2d'));
});
