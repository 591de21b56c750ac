import type { Static, Type } from '@sinclair/typebox';
import {
  exactClusterQueryFields,
  listingSearchQueryFields,
  retiredSearchSpellings,
  type ListingSearchSort,
  type Pet,
} from '@portfolioos/contracts';
import { ProblemError, type ProblemFieldError } from '@portfolioos/service-kit';
import { PROPERTY_TYPES, type PropertyType } from '../properties/schemas.js';
import type { SearchFilters, SearchSort } from './search-criteria.js';

// The area and the lists are written differently in a query string and a JSON body; the rest is the same.
const { bbox, near, radius_m, pets, amenities, property_type, ...scalarFields } = listingSearchQueryFields;
/** The shared search's area and list fields, as the GET query string writes them. */
export const queryAreaAndListFields = { bbox, near, radius_m, pets, amenities, property_type };

/** Filter and paging fields the GET query string and the POST body share (same names, same meaning). */
export const sharedSearchFields = { ...scalarFields, ...exactClusterQueryFields };
export type SharedSearchInput = Static<ReturnType<typeof Type.Object<typeof sharedSearchFields>>>;

/** Collects field problems; `fail` throws them as one 400 problem. */
export class SearchProblems {
  readonly list: ProblemFieldError[] = [];
  constructor(private readonly where: 'querystring' | 'body') {}

  bad = (field: string, message: string): void => {
    this.list.push({ in: this.where, field, message });
  };

  fail(): never {
    throw new ProblemError({
      status: 400,
      slug: 'invalid-search',
      title: 'Bad Request',
      detail: 'The search parameters are not valid.',
      errors: this.list,
    });
  }
}

/** The shared filters, checked for what a schema cannot say (price range, known property types). */
export function parseFilters(
  input: SharedSearchInput,
  lists: { amenities: string[]; propertyTypes: string[]; pets: Pet[] },
  problems: SearchProblems,
): SearchFilters {
  const propertyTypes = lists.propertyTypes.filter((t) => {
    const known = (PROPERTY_TYPES as readonly string[]).includes(t);
    if (!known) problems.bad('property_type', `unknown property type ${JSON.stringify(t)}`);
    return known;
  }) as PropertyType[];
  if (input.price_min !== undefined && input.price_max !== undefined && input.price_min > input.price_max)
    problems.bad('price_min', 'must not exceed price_max');
  return {
    priceMin: input.price_min,
    priceMax: input.price_max,
    currency: input.currency,
    bedsMin: input.beds_min,
    bathsMin: input.baths_min,
    pets: [...new Set(lists.pets)],
    amenities: lists.amenities,
    propertyTypes,
    availableBy: input.available_by,
  };
}

/** The sort asked for; relevance ranks full text, which this search does not offer (a 400). */
export function parseSort(
  sort: ListingSearchSort | undefined,
  problems: SearchProblems,
): SearchSort | undefined {
  if (sort !== 'relevance') return sort;
  problems.bad('sort', 'relevance ranks full text (q), which /v1/search/listings offers');
  return undefined;
}

/** 400 for the spellings of the search vocabulary before it was shared (see @portfolioos/contracts). */
export function refuseRetiredSpellings(input: unknown, where: 'querystring' | 'body'): void {
  const retired = retiredSearchSpellings(input);
  if (retired.length === 0) return;
  const problems = new SearchProblems(where);
  for (const { field, message } of retired) problems.bad(field, message);
  problems.fail();
}

/** The cluster zoom, if clusters were asked for; zoom and cluster go together, and there is no paging. */
export function parseClusterZoom(input: SharedSearchInput, problems: SearchProblems): number | undefined {
  if (!input.cluster) {
    if (input.zoom !== undefined) problems.bad('zoom', 'zoom is only used with cluster=true');
    return undefined;
  }
  if (input.zoom === undefined) problems.bad('zoom', 'cluster=true needs zoom (an integer 0..22)');
  if (input.cursor !== undefined) problems.bad('cursor', 'clusters come in one response, without pages');
  return input.zoom;
}
