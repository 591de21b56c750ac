// The maintenance database, one module per area; drizzle-kit reads this file.

// The outbox (events waiting for the relay) and the inbox (events consumers applied) of this database.
export { inbox, outbox } from '@portfolioos/events';
export * from './projection-schema.js';
export * from './request-schema.js';
export * from './vendor-schema.js';
export * from './work-order-schema.js';
