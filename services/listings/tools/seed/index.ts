// What other workspace packages (bench, e2e) use of the seeders, as `@portfolioos/listings/seed`.
// Tools run from source (tsx), so this entry has no compiled form and ships in no image.
export { BENCH_ACCOUNT, DEMO_ACCOUNT } from './accounts.js';
export { benchProperty } from './bench-plan.js';
export { seedBenchListings, type BulkSeedOptions, type BulkSeedResult } from './bulk-seed.js';
export { CITIES, DEMO_CITIES, type City } from './cities.js';
export { readSeedConfig, type SeedConfig } from './config.js';
export { callJson } from './http-client.js';
export { signIn, type SeedAccount, type SignedIn } from './identity-account.js';
export { startProgress, type Progress } from './progress.js';
