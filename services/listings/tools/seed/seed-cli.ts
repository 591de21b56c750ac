// `npm run seed` (demo data through the public APIs) and `npm run seed -- --listings N` (bulk bench data).
import { parseArgs } from 'node:util';
import { seedBenchListings } from './bulk-seed.js';
import { readSeedConfig } from './config.js';
import { seedDemo } from './demo-seed.js';

const { values } = parseArgs({
  options: {
    listings: { type: 'string' },
    'batch-size': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '2' },
  },
});

const positive = (name: string, text: string | undefined): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${text}`);
  return n;
};

try {
  const config = readSeedConfig();
  if (values.listings === undefined) {
    await seedDemo({ identity: config.IDENTITY_URL, listings: config.LISTINGS_URL });
  } else {
    const result = await seedBenchListings(config, {
      listings: positive('listings', values.listings),
      batchSize: Math.max(1, positive('batch-size', values['batch-size'])),
      concurrency: Math.max(1, positive('concurrency', values.concurrency)),
    });
    const rate = result.insertRate === null ? '' : `, ${Math.round(result.insertRate)} listings/s`;
    console.log(`bench organization ${result.organizationId}: ${result.after} published listings${rate}`);
  }
} catch (error) {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
