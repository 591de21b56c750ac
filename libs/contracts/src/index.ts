export * from './listing-search/vocabulary.js';
export * from './listing-search/params.js';
export * from './listing-search/item.js';
export * from './listing-search/retired-spellings.js';
export * from './primitives/text.js';
export * from './primitives/calendar.js';
export * from './primitives/time-zone.js';
export * from './access/partner-scopes.js';
