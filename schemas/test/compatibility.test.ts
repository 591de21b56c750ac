import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AvroField, AvroRecordSchema } from '@portfolioos/schemas';
import { checkBackward, checkEvolution } from '../tooling/compatibility.js';

const uuid = { type: 'string', logicalType: 'uuid' } as const;
const base: readonly AvroField[] = [
  { name: 'charge_id', type: uuid, doc: 'The charge.' },
  { name: 'amount_minor', type: 'long', doc: 'Amount.' },
  {
    name: 'charge_type',
    type: { type: 'enum', name: 'ChargeType', symbols: ['RENT', 'OTHER'], default: 'OTHER' },
    doc: 'Kind.',
  },
];
const record = (fields: readonly AvroField[]): AvroRecordSchema => ({
  type: 'record',
  name: 'ChargePosted',
  namespace: 'portfolioos.payments',
  fields,
});
const v1 = record(base);

describe('schema evolution check', () => {
  it('accepts an added optional field with a null default', () => {
    const v2 = record([...base, { name: 'memo', type: ['null', 'string'], default: null, doc: 'Memo.' }]);
    assert.deepEqual(checkEvolution(v2, v1), { compatible: true, problems: [] });
  });

  it('accepts a new enum symbol because the enum has a default', () => {
    const chargeType = {
      type: 'enum',
      name: 'ChargeType',
      symbols: ['RENT', 'LATE_FEE', 'OTHER'],
      default: 'OTHER',
    } as const;
    const v2 = record([base[0]!, base[1]!, { name: 'charge_type', type: chargeType, doc: 'Kind.' }]);
    assert.equal(checkEvolution(v2, v1).compatible, true);
  });

  it('flags an added required field (BACKWARD: new readers cannot read old events)', () => {
    const v2 = record([...base, { name: 'tenant_id', type: uuid, doc: 'Tenant.' }]);
    const result = checkEvolution(v2, v1);
    assert.equal(result.compatible, false);
    assert.match(result.problems.join('\n'), /BACKWARD.*tenant_id/);
    assert.equal(checkBackward(v2, v1).compatible, false);
  });

  it('flags a removed field without default (FORWARD: running consumers cannot read new events)', () => {
    const v2 = record([base[0]!, base[2]!]);
    const result = checkEvolution(v2, v1);
    assert.equal(result.compatible, false);
    assert.match(result.problems.join('\n'), /FORWARD.*amount_minor/);
  });

  it('flags a changed field type', () => {
    const v2 = record([base[0]!, { name: 'amount_minor', type: 'string', doc: 'Amount.' }, base[2]!]);
    const result = checkEvolution(v2, v1);
    assert.equal(result.compatible, false);
    assert.equal(result.problems.length, 2);
  });
});
