import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeJsonForHtml } from '../src/shared/escape-json.js';
import {
  acceptLanguageTags,
  formatDate,
  formatMoney,
  negotiateLocale,
  toMajorUnits,
  toMinorUnits,
} from '../src/shared/format.js';

test('money is formatted by locale in the listing’s own currency and its minor-unit exponent', () => {
  assert.equal(formatMoney(245_000, 'USD', 'en-US'), '$2,450');
  assert.equal(formatMoney(245_050, 'USD', 'en-US'), '$2,450.50');
  assert.equal(formatMoney(245_000, 'EUR', 'de-DE'), '2.450\u00a0€');
  // JPY has no minor unit: 150000 minor units are ¥150,000.
  assert.equal(formatMoney(150_000, 'JPY', 'en-US'), '¥150,000');
  assert.equal(toMajorUnits(150_000, 'JPY'), 150_000);
  assert.equal(toMinorUnits(2450.5, 'USD'), 245_050);
});

test('dates are calendar dates: no time zone shifts them a day', () => {
  assert.equal(formatDate('2027-01-05', 'en-US'), 'Jan 5, 2027');
  assert.equal(formatDate('2027-01-05', 'de-DE'), '05.01.2027');
});

test('Accept-Language is read by preference; unknown or malformed tags fall through to en-US', () => {
  assert.deepEqual(acceptLanguageTags('fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5'), ['fr-CH', 'fr', 'en']);
  assert.deepEqual(acceptLanguageTags('en;q=0.2, de'), ['de', 'en']);
  assert.equal(negotiateLocale(acceptLanguageTags('de-DE,de;q=0.9')), 'de-DE');
  assert.equal(negotiateLocale(['not a tag!']), 'en-US');
  assert.equal(negotiateLocale([]), 'en-US');
});

test('JSON inside a script element cannot close it', () => {
  const text = escapeJsonForHtml({ title: '</script><script>alert(1)</script> & <!--' });
  assert.doesNotMatch(text, /<|>|&/);
  assert.deepEqual(JSON.parse(text), { title: '</script><script>alert(1)</script> & <!--' });
});
