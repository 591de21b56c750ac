export * from './proration.js';
export * from './local-date.js';
