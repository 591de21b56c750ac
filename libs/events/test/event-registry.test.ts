import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventRegistry, EventValidationError } from '../src/index.js';
import { COUNTER_INCREMENTED, counterIncrementedSchema, type TestEvents } from './support/test-events.js';

const events = new EventRegistry<TestEvents>(
  { [COUNTER_INCREMENTED]: counterIncrementedSchema },
  { [COUNTER_INCREMENTED]: 'test.counter' },
);

test('subjects follow TopicRecordNameStrategy', () => {
  assert.equal(events.subjectOf(COUNTER_INCREMENTED), 'test.counter-portfolioos.test.CounterIncremented');
});

test('a payload that does not match the schema is refused with the offending fields', () => {
  const bad = { counter_id: 7, seq: 'one', fail: false, note: null } as never;
  assert.throws(
    () => events.validate(COUNTER_INCREMENTED, bad),
    (error: unknown) =>
      error instanceof EventValidationError &&
      error.paths.includes('counter_id') &&
      error.paths.includes('seq'),
  );
  assert.doesNotThrow(() =>
    events.validate(COUNTER_INCREMENTED, { counter_id: 'c', seq: 1, fail: false, note: 'x' }),
  );
});

test('unknown event types are reported, not guessed', () => {
  assert.equal(events.has('portfolioos.test.Nope'), false);
  assert.throws(() => events.topicOf('portfolioos.test.Nope' as never), /unknown event type/);
});
