import { Type, type Static } from '@sinclair/typebox';
import { ProblemError, type ProblemFieldError } from '@portfolioos/service-kit';
import { currency, isoDate } from '../http-schemas.js';
import { PROPERTY_TYPES, type PropertyType } from '../properties/schemas.js';
import { PET_FILTERS, SORTS, type SearchFilters } from './search-criteria.js';

export const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));

/** Filter and paging fields the GET query string and the POST body share (same names, same meaning). */
export const sharedSearchFields = {
  price_min: Type.Optional(Type.Integer({ minimum: 0 })),
  price_max: Type.Optional(Type.Integer({ minimum: 0 })),
  currency: Type.Optional(currency),
  beds_min: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
  baths_min: Type.Optional(Type.Number({ minimum: 0, maximum: 50 })),
  pets: Type.Optional(literals(PET_FILTERS)),
  available_by: Type.Optional(isoDate),
  sort: Type.Optional(literals(SORTS)),
  format: Type.Optional(literals(['json', 'geojson'] as const)),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  cluster: Type.Optional(
    Type.Boolean({ description: 'Answer counts per map cell instead of listings (needs zoom)' }),
  ),
  zoom: Type.Optional(Type.Integer({ minimum: 0, maximum: 22, description: 'Map zoom of the viewport' })),
};
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
  lists: { amenities: string[]; propertyTypes: string[] },
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
    pets: input.pets,
    amenities: lists.amenities,
    propertyTypes,
    availableBy: input.available_by,
  };
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
