export { stack } from './stack.js';
export { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-database.js';
export { uniqueName } from './unique-name.js';
