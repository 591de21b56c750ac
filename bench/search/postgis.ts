import { createDatabase } from '@portfolioos/db';
import {
  parseSearch,
  searchPublishedListings,
  withPublicSearch,
  type SearchQuerystring,
} from '@portfolioos/listings/search';
import { bboxParam, CITY_BOXES, CONTINENT_BOXES } from './areas.js';
import { getJson, HttpStatusError, measure, measureSideBySide, type Latencies } from './latency.js';

const SORTS = ['newest', 'price_asc'] as const;

/** Request i of the city-box search: the city and the sort vary, so no single plan or cache page wins. */
function cityQuery(i: number) {
  const { bbox } = CITY_BOXES[i % CITY_BOXES.length]!;
  return { bbox: bboxParam(bbox), sort: SORTS[Math.floor(i / CITY_BOXES.length) % SORTS.length]!, limit: 50 };
}

/**
 * The city-box search over HTTP on loopback (GET /v1/listings/search), and the same searches without
 * HTTP: the listings service's own parseSearch → withPublicSearch → searchPublishedListings (the SQL the
 * route runs, same driver and transaction settings), so HTTP/direct is what Fastify, validation,
 * serialization, the rate limit, tracing and the socket add. Measured side by side, request by request.
 */
export async function measureBboxHttpAndDirect(
  listingsUrl: string,
  databaseUrl: string,
  warmUp: number,
  count: number,
): Promise<{ http: Latencies; direct: Latencies }> {
  const database = createDatabase({ url: databaseUrl, poolMax: 1, applicationName: 'bench-search' });
  try {
    const [http, direct] = await measureSideBySide(
      warmUp,
      count,
      async (i) => {
        const q = cityQuery(i);
        await getJson(`${listingsUrl}/v1/listings/search?bbox=${q.bbox}&sort=${q.sort}&limit=${q.limit}`);
      },
      async (i) => {
        const criteria = parseSearch(cityQuery(i) as SearchQuerystring);
        await withPublicSearch(database.db, (tx) => searchPublishedListings(tx, criteria));
      },
    );
    return { http, direct };
  } finally {
    await database.close();
  }
}

/** Map clusters at zoom 4 over continent boxes; null while the endpoint does not take cluster= yet (400). */
export async function measureClustersHttp(
  listingsUrl: string,
  warmUp: number,
  count: number,
): Promise<Latencies | null> {
  try {
    return await measure(warmUp, count, async (i) => {
      const { bbox } = CONTINENT_BOXES[i % CONTINENT_BOXES.length]!;
      await getJson(`${listingsUrl}/v1/listings/search?bbox=${bboxParam(bbox)}&cluster=true&zoom=4`);
    });
  } catch (error) {
    if (error instanceof HttpStatusError && error.status === 400) return null;
    throw error;
  }
}
