// The events test harness (throwaway topics and outbox tables) and its counter event, as
// `@portfolioos/events/testing` (bench:events).
export { createHarness, eventually, silentLogger, type Harness } from './harness.js';
export { counterHandlers, recordCounterEffect } from './counter-handler.js';
export { counterBatchHandler } from './counter-batch-handler.js';
export { COUNTER_INCREMENTED, counterIncrementedSchema, type TestEvents } from './test-events.js';
export { counterStatementHandler } from './counter-statement-handler.js';
