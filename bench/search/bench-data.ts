import { seedBenchListings, startProgress, type SeedConfig } from '@portfolioos/listings/seed';
import { indexedListings } from './elasticsearch.js';

const STALL_MS = 120_000;

/**
 * The bench organization with `listings` published listings, all of them in Elasticsearch: tops up
 * with the bulk seeder, then follows the indexer with a progress bar until the counts match.
 */
export async function ensureBenchData(config: SeedConfig, elasticsearchUrl: string, listings: number) {
  const seeded = await seedBenchListings(config, { listings, batchSize: 2000, concurrency: 2 });
  const target = seeded.after;
  let indexed = await indexedListings(elasticsearchUrl, seeded.organizationId);
  if (indexed < target) {
    const progress = startProgress('indexed by search', target, 'listings', indexed);
    let lastChange = Date.now();
    while (indexed < target) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = await indexedListings(elasticsearchUrl, seeded.organizationId);
      if (now !== indexed) lastChange = Date.now();
      indexed = now;
      progress.update(indexed);
      if (Date.now() - lastChange > STALL_MS) {
        progress.stop();
        throw new Error(`search stopped indexing at ${indexed}/${target}: see the search service's log`);
      }
    }
    progress.stop();
  }
  return { ...seeded, indexed };
}
