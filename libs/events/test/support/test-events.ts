import type { schema } from 'avsc';

export const COUNTER_INCREMENTED = 'portfolioos.test.CounterIncremented';

/** A test-only event: one step of a counter, which handlers can be told to fail on. */
export interface CounterIncremented {
  counter_id: string;
  seq: number;
  fail: boolean;
  note: string | null;
}

export interface TestEvents {
  [COUNTER_INCREMENTED]: CounterIncremented;
}

export const counterIncrementedSchema: schema.RecordType = {
  type: 'record',
  name: 'CounterIncremented',
  namespace: 'portfolioos.test',
  fields: [
    { name: 'counter_id', type: 'string' },
    { name: 'seq', type: 'long' },
    { name: 'fail', type: 'boolean', default: false },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};
