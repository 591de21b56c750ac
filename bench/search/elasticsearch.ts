import { bboxParam, CITY_BOXES, CONTINENT_BOXES, SEARCH_WORDS } from './areas.js';
import { getJson, measure, type Latencies } from './latency.js';

/** Text + city box + the facets every search answers (beds, baths, price, amenities, property type). */
export function measureTextGeoFacets(searchUrl: string, warmUp: number, count: number): Promise<Latencies> {
  return measure(warmUp, count, async (i) => {
    const { bbox } = CITY_BOXES[i % CITY_BOXES.length]!;
    const q = SEARCH_WORDS[i % SEARCH_WORDS.length]!;
    await getJson(`${searchUrl}/v1/search/listings?q=${q}&bbox=${bboxParam(bbox)}&limit=20`);
  });
}

/** Elasticsearch's geotile clusters (zoom=) for the continent boxes of the PostGIS cluster measurement. */
export function measureGeotileClusters(searchUrl: string, warmUp: number, count: number): Promise<Latencies> {
  return measure(warmUp, count, async (i) => {
    const { bbox } = CONTINENT_BOXES[i % CONTINENT_BOXES.length]!;
    await getJson(`${searchUrl}/v1/search/listings?bbox=${bboxParam(bbox)}&zoom=4&limit=1`);
  });
}

/** Documents Elasticsearch holds for the organization with status ACTIVE (published). */
export async function indexedListings(elasticsearchUrl: string, orgId: string): Promise<number> {
  const response = await fetch(`${elasticsearchUrl}/listings/_count`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: { bool: { filter: [{ term: { organization_id: orgId } }, { term: { status: 'ACTIVE' } }] } },
    }),
  });
  if (response.status === 404) return 0;
  if (!response.ok)
    throw new Error(`Elasticsearch _count answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { count: number }).count;
}
