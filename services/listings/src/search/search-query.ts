import { Type, type Static } from '@sinclair/typebox';
import { ProblemError, type ProblemFieldError } from '@portfolioos/service-kit';
import { currency, isoDate } from '../http-schemas.js';
import type { PET_POLICIES } from '../listings/schemas.js';
import { PROPERTY_TYPES, type PropertyType } from '../properties/schemas.js';

export const SORTS = ['newest', 'price', 'distance'] as const;
export type SearchSort = (typeof SORTS)[number];
const PET_FILTERS = ['cats', 'dogs', 'cats_and_dogs', 'allowed'] as const;
export type PetFilter = (typeof PET_FILTERS)[number];
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** Query string of GET /v1/listings/search; areas and lists are strings, parsed by parseSearch. */
export const searchQuerystring = Type.Object(
  {
    bbox: Type.Optional(Type.String({ description: 'minLng,minLat,maxLng,maxLat (WGS84 degrees)' })),
    near: Type.Optional(Type.String({ description: 'lat,lng of the centre; needs radius_m' })),
    radius_m: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 200_000 })),
    price_min: Type.Optional(Type.Integer({ minimum: 0 })),
    price_max: Type.Optional(Type.Integer({ minimum: 0 })),
    currency: Type.Optional(currency),
    beds_min: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
    baths_min: Type.Optional(Type.Number({ minimum: 0, maximum: 50 })),
    pets: Type.Optional(literals(PET_FILTERS)),
    amenities: Type.Optional(
      Type.String({ pattern: '^[a-z0-9_]+(,[a-z0-9_]+)*$', description: 'all of these' }),
    ),
    property_type: Type.Optional(Type.String({ description: 'any of these, comma-separated' })),
    available_by: Type.Optional(isoDate),
    sort: Type.Optional(literals(SORTS)),
    format: Type.Optional(literals(['json', 'geojson'] as const)),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  },
  { additionalProperties: false },
);
export type SearchQuerystring = Static<typeof searchQuerystring>;

export type SearchArea =
  | { kind: 'bbox'; minLng: number; minLat: number; maxLng: number; maxLat: number }
  | { kind: 'near'; lat: number; lng: number; radiusM: number };

/** A validated search: an area, filters, order and page size. */
export interface SearchCriteria {
  area: SearchArea;
  priceMin?: number;
  priceMax?: number;
  currency?: string;
  bedsMin?: number;
  bathsMin?: number;
  pets?: PetFilter;
  amenities: string[];
  propertyTypes: PropertyType[];
  availableBy?: string;
  sort: SearchSort;
  limit: number;
}

const DECIMAL = /^\s*-?\d+(\.\d+)?\s*$/;

/** Turns the query string into criteria, or a 400 problem listing every bad field. */
export function parseSearch(query: SearchQuerystring): SearchCriteria {
  const problems: ProblemFieldError[] = [];
  const bad = (field: string, message: string) => problems.push({ in: 'querystring', field, message });
  const area = parseArea(query, bad);
  const propertyTypes = (query.property_type?.split(',') ?? []).filter((t) => {
    const known = (PROPERTY_TYPES as readonly string[]).includes(t);
    if (!known) bad('property_type', `unknown property type ${JSON.stringify(t)}`);
    return known;
  }) as PropertyType[];
  if (query.price_min !== undefined && query.price_max !== undefined && query.price_min > query.price_max)
    bad('price_min', 'must not exceed price_max');
  const sort = query.sort ?? (area?.kind === 'near' ? 'distance' : 'newest');
  if (sort === 'distance' && area?.kind !== 'near') bad('sort', 'distance needs near=lat,lng');
  if (problems.length > 0 || !area)
    throw new ProblemError({
      status: 400,
      slug: 'invalid-search',
      title: 'Bad Request',
      detail: 'The search parameters are not valid.',
      errors: problems,
    });
  return {
    area,
    priceMin: query.price_min,
    priceMax: query.price_max,
    currency: query.currency,
    bedsMin: query.beds_min,
    bathsMin: query.baths_min,
    pets: query.pets,
    amenities: query.amenities?.split(',') ?? [],
    propertyTypes,
    availableBy: query.available_by,
    sort,
    limit: query.limit,
  };
}

function parseArea(
  query: SearchQuerystring,
  bad: (field: string, message: string) => void,
): SearchArea | undefined {
  if ((query.bbox === undefined) === (query.near === undefined)) {
    bad(query.bbox === undefined ? 'bbox' : 'near', 'give exactly one area: bbox, or near with radius_m');
    return undefined;
  }
  if (query.bbox !== undefined) return parseBbox(query.bbox, bad);
  if (query.radius_m === undefined) {
    bad('radius_m', 'near needs radius_m (metres)');
    return undefined;
  }
  const point = numbers(query.near!, 2);
  if (!point) return void bad('near', 'expected lat,lng as two decimal numbers');
  const [lat, lng] = point as [number, number];
  if (!validLat(lat)) bad('near', 'latitude must be within -90..90');
  if (!validLng(lng)) bad('near', 'longitude must be within -180..180');
  return { kind: 'near', lat, lng, radiusM: query.radius_m };
}

function parseBbox(text: string, bad: (field: string, message: string) => void): SearchArea | undefined {
  const values = numbers(text, 4);
  if (!values) return void bad('bbox', 'expected minLng,minLat,maxLng,maxLat as four decimal numbers');
  const [minLng, minLat, maxLng, maxLat] = values as [number, number, number, number];
  if (![minLng, maxLng].every(validLng)) bad('bbox', 'longitudes must be within -180..180');
  if (![minLat, maxLat].every(validLat)) bad('bbox', 'latitudes must be within -90..90');
  // A box across the antimeridian would need minLng > maxLng; the map client splits those into two.
  if (minLng > maxLng || minLat > maxLat) bad('bbox', 'the box is inverted (min greater than max)');
  return { kind: 'bbox', minLng, minLat, maxLng, maxLat };
}

function numbers(text: string, count: number): number[] | undefined {
  const parts = text.split(',');
  if (parts.length !== count || !parts.every((p) => DECIMAL.test(p))) return undefined;
  return parts.map(Number);
}

const validLat = (lat: number) => lat >= -90 && lat <= 90;
const validLng = (lng: number) => lng >= -180 && lng <= 180;

/** Pet policies a pets filter accepts. */
export const PETS_ACCEPTED: Record<PetFilter, readonly (typeof PET_POLICIES)[number][]> = {
  cats: ['cats', 'cats_and_dogs'],
  dogs: ['dogs', 'cats_and_dogs'],
  cats_and_dogs: ['cats_and_dogs'],
  allowed: ['cats', 'dogs', 'cats_and_dogs', 'case_by_case'],
};
