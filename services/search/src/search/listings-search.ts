import type { Client, estypes } from '@elastic/elasticsearch';
import type { ListingDocument } from '../listings-index/listing-document.js';
import { listingsAggregations, listingsHighlight, listingsQuery, listingsSort } from './search-body.js';
import { nextCursor, searchAfterOf, type SortValue } from './search-cursor.js';
import type { Cluster, Facets, ListingHit, SearchResponse } from './search-response.js';
import type { SearchRequest } from './search-request.js';

type Hit = estypes.SearchHit<ListingDocument>;
type Buckets = { buckets: { key: number | string; doc_count: number }[] };
type ClusterBuckets = {
  buckets: { key: string; doc_count: number; centre: { location?: { lat: number; lon: number } } }[];
};

/** Runs public listing searches against the alias. */
export class ListingsSearch {
  constructor(
    private readonly es: Client,
    private readonly alias: string,
  ) {}

  async search(request: SearchRequest): Promise<SearchResponse> {
    const searchAfter = searchAfterOf(request);
    const result = await this.es.search<ListingDocument>({
      index: this.alias,
      query: listingsQuery(request),
      sort: listingsSort(request),
      // One more than a page tells whether there is a next page without an empty last one.
      size: request.limit + 1,
      ...(searchAfter ? { search_after: searchAfter } : {}),
      aggs: listingsAggregations(request),
      ...(request.text ? { highlight: listingsHighlight } : {}),
      track_total_hits: 10_000,
    });
    const hits = result.hits.hits.slice(0, request.limit);
    const last = hits[hits.length - 1];
    const more = result.hits.hits.length > request.limit && last?.sort;
    const total = result.hits.total;
    return {
      items: hits.map((hit) => toListingHit(hit, request)),
      next_cursor: more ? nextCursor(request, last.sort as SortValue[]) : null,
      total:
        typeof total === 'number'
          ? { value: total, relation: 'eq' }
          : (total ?? { value: 0, relation: 'eq' }),
      facets: toFacets(result.aggregations),
      clusters: request.zoom === null ? null : toClusters(result.aggregations?.clusters),
    };
  }
}

function toListingHit(hit: Hit, request: SearchRequest): ListingHit {
  const doc = hit._source!;
  return {
    listing_id: doc.listing_id,
    organization_id: doc.organization_id,
    title: doc.title,
    description: doc.description,
    price_minor: doc.price_minor,
    deposit_minor: doc.deposit_minor,
    currency: doc.currency,
    beds: doc.beds,
    full_baths: doc.full_baths,
    half_baths: doc.half_baths,
    sqft: doc.sqft,
    property_type: doc.property_type,
    amenities: doc.amenities,
    pet_policy: doc.pet_policy,
    available_from: doc.available_from,
    min_lease_months: doc.min_lease_months,
    address: doc.address,
    location: { lat: doc.location.lat, lng: doc.location.lon },
    photos: doc.photos,
    published_at: doc.published_at,
    highlight: hit.highlight ?? {},
    ...(request.sort === 'distance' ? { distance_m: Number(hit.sort?.[0]) } : {}),
  };
}

function toFacets(aggs: Record<string, unknown> | undefined): Facets {
  const buckets = <K extends number | string>(name: string) =>
    ((aggs?.[name] as Buckets | undefined)?.buckets ?? []).map((b) => ({
      key: b.key as K,
      count: b.doc_count,
    }));
  return {
    beds: buckets<number>('beds'),
    baths: buckets<number>('baths'),
    price: buckets<number>('price'),
    amenities: buckets<string>('amenities'),
    property_type: buckets<string>('property_type'),
  };
}

function toClusters(agg: unknown): Cluster[] {
  return ((agg as ClusterBuckets | undefined)?.buckets ?? []).map((b) => ({
    key: b.key,
    count: b.doc_count,
    lat: b.centre.location?.lat ?? 0,
    lng: b.centre.location?.lon ?? 0,
  }));
}
