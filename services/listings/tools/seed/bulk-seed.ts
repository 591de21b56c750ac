import { sql } from 'drizzle-orm';
import { createDatabase, withOrgTransaction } from '@portfolioos/db';
import type { ListingsDb } from '../../src/db/database.js';
import { BENCH_ACCOUNT } from './accounts.js';
import { writePropertiesBatch } from './bulk-batch.js';
import type { SeedConfig } from './config.js';
import { requireRunning } from './http-client.js';
import { signUpOrSignIn } from './identity-account.js';
import { clusterPublicListingsInMapOrder } from './map-order.js';
import { drainOutbox } from './outbox-drain.js';
import { startProgress } from './progress.js';
import { benchPlan } from './bench-plan.js';

export interface BulkSeedOptions {
  /** Published listings the bench organization should have when done (tops up, never removes). */
  listings: number;
  /** Listings per transaction (whole properties, so a batch can run a few over). */
  batchSize: number;
  /** Transactions in flight at once. */
  concurrency: number;
}

/** What a bulk run did, for the caller to report. */
export interface BulkSeedResult {
  organizationId: string;
  before: number;
  after: number;
  /** Listings written per second (wall clock of the inserts, drain excluded); null when nothing was written. */
  insertRate: number | null;
}

/** `npm run seed -- --listings N`: tops the bench organization up to N published listings. */
export async function seedBenchListings(
  config: SeedConfig,
  options: BulkSeedOptions,
): Promise<BulkSeedResult> {
  await requireRunning({ identity: config.IDENTITY_URL });
  const { organizationId } = await signUpOrSignIn(config.IDENTITY_URL, BENCH_ACCOUNT);
  const database = createDatabase({
    url: config.DATABASE_URL,
    poolMax: options.concurrency + 1,
    applicationName: 'listings-seed',
  });
  try {
    const result = await topUpBenchListings(database.db, organizationId, options);
    const listingsUp = await fetch(`${config.LISTINGS_URL}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    await drainOutbox({
      pool: database.pool,
      runRelay: !listingsUp,
      kafkaBrokers: config.KAFKA_BROKERS.split(','),
      schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
    });
    return result;
  } finally {
    await database.close();
  }
}

/**
 * The database half of a bulk run: tops organization `organizationId` up to `options.listings` published
 * listings (their events left in the outbox), then rewrites the public search table in map order.
 */
export async function topUpBenchListings(
  db: ListingsDb,
  organizationId: string,
  options: BulkSeedOptions,
): Promise<BulkSeedResult> {
  const have = await benchCounts(db, organizationId);
  let written = 0;
  const started = Date.now();
  if (have.listings < options.listings) {
    console.log(
      `bench organization ${organizationId}: ${have.listings} listings, adding ${options.listings - have.listings}`,
    );
    written = await writeUpTo(db, organizationId, have, options);
  } else
    console.log(
      `bench organization already has ${have.listings} published listings (asked ${options.listings}).`,
    );
  const seconds = (Date.now() - started) / 1000;
  if (written > 0) {
    console.log('rewriting the public search table in map order (bulk-import step) ...');
    await clusterPublicListingsInMapOrder(db);
  }
  return {
    organizationId,
    before: have.listings,
    after: have.listings + written,
    insertRate: written ? written / seconds : null,
  };
}

async function writeUpTo(
  db: ListingsDb,
  orgId: string,
  have: { listings: number; properties: number },
  options: BulkSeedOptions,
) {
  const target = options.listings;
  const plans = benchPlan(have.properties, target - have.listings, options.batchSize);
  const progress = startProgress('bench listings', target, 'listings', have.listings);
  let done = have.listings;
  try {
    const next = plans[Symbol.iterator]();
    const worker = async () => {
      for (let batch = next.next(); !batch.done; batch = next.next()) {
        // Read `done` only after the await: `done += await …` would drop the other worker's count.
        const written = await writePropertiesBatch(db, orgId, batch.value);
        done += written;
        progress.update(done);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    progress.stop();
  }
  return done - have.listings;
}

/** Published listings and properties of the bench organization (properties index the deterministic plan). */
async function benchCounts(db: ListingsDb, orgId: string): Promise<{ listings: number; properties: number }> {
  return withOrgTransaction(db, orgId, async (tx) => {
    const { rows } = await tx.execute<{ listings: number; properties: number }>(sql`
      select (select count(*)::int from listings where org_id = ${orgId} and status = 'published') as listings,
             (select count(*)::int from properties where org_id = ${orgId}) as properties`);
    return rows[0]!;
  });
}
