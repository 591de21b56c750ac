import type { Client, estypes } from '@elastic/elasticsearch';
import { ProblemError } from '@portfolioos/service-kit';
import type { ListingDocument } from '../listings-index/listing-document.js';
import {
  listingsAggregations,
  listingsHighlight,
  listingsPostFilter,
  listingsQuery,
  listingsSort,
  SAMPLED,
} from './search-body.js';
import { nextCursor, searchPositionOf, type SortValue } from './search-cursor.js';
import type { PitBudget } from './pit-budget.js';
import { sampleProbability } from './facet-sampling.js';
import { searchProblem } from './search-errors.js';
import type { Cluster, Facets, ListingHit, SearchResponse } from './search-response.js';
import type { SearchRequest } from './search-request.js';

type Hit = estypes.SearchHit<ListingDocument>;
type Aggregations = Record<string, unknown> | undefined;
// Every aggregation sits under a filter aggregation (see listingsAggregations), its result in `inner`.
type Buckets = { inner: { buckets: { key: number | string; doc_count: number }[] } };
type ClusterBuckets = {
  inner: {
    buckets: { key: string; doc_count: number; centre: { location?: { lat: number; lon: number } } }[];
  };
};

/**
 * Runs public listing searches against the alias. Every search reads a point in time (PIT) of the index,
 * opened for its first page and carried in its cursor, so listings indexed or changed while a client
 * pages do not shift the pages (no duplicates, no gaps). The PIT lives `pitKeepAlive` past each page and
 * is closed when the last page has been served; an expired one answers 410 (start the search again):
 * silently continuing on the live index would bring back the very duplicates and gaps the PIT prevents.
 * The PITs a client and this replica hold are bounded (pit-budget.ts); a first page over the bound reads
 * the live index and so do its later pages (search_after on the same sort with the listing id as tie
 * break: still no repeats among unchanged listings, but a listing changed meanwhile may move).
 *
 * A search matching more than `exactFacetsLimit` listings counts its facets and clusters on a random
 * sample of about that many (see facet-sampling.ts); the first page decides the sample and the cursor
 * carries it, so every page of one search shows the same counts.
 */
export class ListingsSearch {
  constructor(
    private readonly es: Client,
    private readonly options: { alias: string; pitKeepAlive: string; exactFacetsLimit: number },
    private readonly pits: PitBudget,
  ) {}

  /** One page of a search by `client` (its address: what the PIT budget counts by). */
  async search(request: SearchRequest, client: string): Promise<SearchResponse> {
    const position = searchPositionOf(request);
    const [pitId, sample] = position ? [position.pitId, position.sample] : await this.start(request, client);
    let result: estypes.SearchResponse<ListingDocument>;
    try {
      result = await this.es.search<ListingDocument>({
        ...(pitId
          ? { pit: { id: pitId, keep_alive: this.options.pitKeepAlive } }
          : { index: this.options.alias }),
        query: listingsQuery(request),
        post_filter: listingsPostFilter(request),
        sort: listingsSort(request),
        // One more than a page tells whether there is a next page without an empty last one.
        size: request.limit + 1,
        ...(position ? { search_after: position.after } : {}),
        aggs: listingsAggregations(request, sample),
        ...(request.text ? { highlight: listingsHighlight } : {}),
        track_total_hits: 10_000,
      });
    } catch (error) {
      // A first page's PIT is closed; a later page's either expired or stays the client's to retry.
      if (pitId && (!position || isGone(searchProblem(error, request)))) this.closePit(pitId);
      throw searchProblem(error, request);
    }
    const readPit = result.pit_id ?? pitId;
    if (position && pitId && readPit) {
      if (readPit !== pitId) this.pits.closed(pitId);
      this.pits.touched(readPit, client);
    }
    return this.toResponse(request, result, readPit, sample);
  }

  /**
   * A first page opens its point in time (if the budget has room) and counts its matches (to size the
   * facet sample) at once.
   */
  private async start(
    request: SearchRequest,
    client: string,
  ): Promise<[pitId: string | null, sample: number]> {
    const slot = this.pits.reserve(client);
    const [pit, sample] = await Promise.allSettled([
      slot ? this.openPit() : Promise.resolve(null),
      this.sampleFor(request),
    ]);
    if (pit.status === 'fulfilled' && pit.value) slot?.bind(pit.value);
    else slot?.release();
    if (sample.status === 'rejected') {
      if (pit.status === 'fulfilled' && pit.value) this.closePit(pit.value);
      throw sample.reason;
    }
    if (pit.status === 'rejected') throw pit.reason;
    return [pit.value, sample.value];
  }

  /** The share of matching listings the aggregations count: 1 unless the search matches too many. */
  private async sampleFor(request: SearchRequest): Promise<number> {
    // Counting the matches alone is cheap (~6 ms for 300k on this machine); aggregating them is not.
    // The live index, not the point in time: it is opened alongside, and the count only sizes the sample.
    let counted: estypes.SearchResponse;
    try {
      counted = await this.es.search({
        index: this.options.alias,
        size: 0,
        query: listingsQuery(request),
        track_total_hits: true,
      });
    } catch (error) {
      throw searchProblem(error, request);
    }
    const total = counted.hits.total;
    return sampleProbability(
      typeof total === 'number' ? total : (total?.value ?? 0),
      this.options.exactFacetsLimit,
    );
  }

  private toResponse(
    request: SearchRequest,
    result: estypes.SearchResponse<ListingDocument>,
    pitId: string | null,
    sample: number,
  ): SearchResponse {
    const hits = result.hits.hits.slice(0, request.limit);
    const last = hits[hits.length - 1];
    const more = result.hits.hits.length > request.limit && last?.sort;
    if (!more && pitId) this.closePit(pitId);
    const total = result.hits.total;
    const aggregations = (result.aggregations?.[SAMPLED] ?? result.aggregations) as Aggregations;
    return {
      items: hits.map((hit) => toListingHit(hit, request)),
      next_cursor: more ? nextCursor(request, { after: last.sort as SortValue[], pitId, sample }) : null,
      total:
        typeof total === 'number'
          ? { value: total, relation: 'eq' }
          : (total ?? { value: 0, relation: 'eq' }),
      facets: toFacets(aggregations),
      clusters: request.zoom === null ? null : toClusters(aggregations?.clusters),
      facets_estimated: sample < 1,
    };
  }

  private async openPit(): Promise<string> {
    const pit = await this.es.openPointInTime({
      index: this.options.alias,
      keep_alive: this.options.pitKeepAlive,
    });
    return pit.id;
  }

  // Best effort, off the response path: a PIT left open expires after its keep-alive anyway.
  private closePit(id: string): void {
    this.pits.closed(id);
    this.es.closePointInTime({ id }).catch(() => undefined);
  }
}

const isGone = (problem: unknown): boolean => problem instanceof ProblemError && problem.status === 410;

function toListingHit(hit: Hit, request: SearchRequest): ListingHit {
  const doc = hit._source!;
  return {
    id: doc.listing_id,
    organization_id: doc.organization_id,
    unit_id: doc.unit_id,
    property_id: doc.property_id,
    title: doc.title,
    description: doc.description,
    price_minor: doc.price_minor,
    deposit_minor: doc.deposit_minor,
    currency: doc.currency,
    beds: doc.beds,
    baths: doc.baths,
    sqft: doc.sqft,
    // The index keeps the Avro enums' spelling (SINGLE_FAMILY, CATS_AND_DOGS); the public API lower case.
    property_type: doc.property_type.toLowerCase(),
    amenities: doc.amenities,
    pet_policy: doc.pet_policy.toLowerCase(),
    available_from: doc.available_from,
    min_lease_months: doc.min_lease_months,
    address: {
      line1: doc.address.line1,
      city: doc.address.city,
      region: doc.address.region,
      postal_code: doc.address.postal_code,
      country: doc.address.country,
    },
    location: { lat: doc.location.lat, lng: doc.location.lon },
    photos: doc.photos,
    published_at: doc.published_at,
    highlight: hit.highlight ?? {},
    distance_m: distanceFromNear(hit, doc, request),
  };
}

// Metres on the sphere from near, as Elasticsearch's arc distance (and the PostGIS search) measure it.
function distanceFromNear(hit: Hit, doc: ListingDocument, request: SearchRequest): number | null {
  if (!request.near) return null;
  if (request.sort === 'distance') return Number(hit.sort?.[0]);
  const rad = Math.PI / 180;
  const [lat1, lat2] = [request.near.lat * rad, doc.location.lat * rad];
  const dLat = lat2 - lat1;
  const dLng = (doc.location.lon - request.near.lng) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}
const EARTH_RADIUS_M = 6_371_008.8;

function toFacets(aggs: Aggregations): Facets {
  const buckets = <K extends number | string>(name: string) =>
    ((aggs?.[name] as Buckets | undefined)?.inner.buckets ?? []).map((b) => ({
      key: b.key as K,
      count: b.doc_count,
    }));
  return {
    beds: buckets<number>('beds'),
    baths: buckets<number>('baths'),
    price: buckets<number>('price'),
    amenities: buckets<string>('amenities'),
    property_type: buckets<string>('property_type').map((b) => ({ ...b, key: b.key.toLowerCase() })),
  };
}

function toClusters(agg: unknown): Cluster[] {
  return ((agg as ClusterBuckets | undefined)?.inner.buckets ?? []).map((b) => ({
    key: b.key,
    count: b.doc_count,
    lat: b.centre.location?.lat ?? 0,
    lng: b.centre.location?.lon ?? 0,
  }));
}
