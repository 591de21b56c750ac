import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { avroDateToIsoDate, isoDateToAvroDate } from '@portfolioos/schemas';

describe('Avro dates', () => {
  it('convert ISO calendar dates to days since epoch and back', () => {
    assert.equal(isoDateToAvroDate('1970-01-01'), 0);
    assert.equal(isoDateToAvroDate('2024-02-29'), 19_782);
    assert.equal(avroDateToIsoDate(19_782), '2024-02-29');
    assert.equal(avroDateToIsoDate(-1), '1969-12-31');
  });

  it('reject impossible or non-date input', () => {
    assert.throws(() => isoDateToAvroDate('2025-02-30'), /no such calendar date/);
    assert.throws(() => isoDateToAvroDate('2025-02-01T00:00:00Z'), /not an ISO calendar date/);
    assert.throws(() => avroDateToIsoDate(1.5), /whole number/);
  });
});
