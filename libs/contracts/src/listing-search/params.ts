import { Type } from '@sinclair/typebox';
import { IsoDate } from '../primitives/calendar.js';
import { Cursor, Text } from '../primitives/text.js';
import { LISTING_SEARCH_SORTS, PETS, PROPERTY_TYPES } from './vocabulary.js';

const literals = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
// A decimal number as both searches parse it (search-query.ts, search-request.ts).
const DECIMAL = '\\s*-?[0-9]+(\\.[0-9]+)?\\s*';
const commaList = (item: string, description: string) =>
  Type.String({ pattern: `^${item}(,${item})*$`, maxLength: 500, description });

/** Filters, order and paging every public listing search takes, in the query string (GET). */
export const listingSearchQueryFields = {
  bbox: Type.Optional(
    Type.String({
      pattern: `^${DECIMAL}(,${DECIMAL}){3}$`,
      maxLength: 100,
      description: 'minLng,minLat,maxLng,maxLat (WGS84 degrees); not with near',
    }),
  ),
  near: Type.Optional(
    Type.String({
      pattern: `^${DECIMAL},${DECIMAL}$`,
      maxLength: 60,
      description: 'lat,lng of the centre; needs radius_m; not with bbox',
    }),
  ),
  radius_m: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 200_000, description: 'metres' })),
  price_min: Type.Optional(Type.Integer({ minimum: 0, description: 'Minimum monthly rent, minor units' })),
  price_max: Type.Optional(Type.Integer({ minimum: 0, description: 'Maximum monthly rent, minor units' })),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 code' })),
  beds_min: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
  baths_min: Type.Optional(Type.Number({ minimum: 0, maximum: 50 })),
  pets: Type.Optional(commaList(`(${PETS.join('|')})`, 'Pets that must all be allowed: cats, dogs')),
  amenities: Type.Optional(commaList('[a-z0-9_]{1,50}', 'Amenity codes that must all be present')),
  property_type: Type.Optional(
    commaList(`(${PROPERTY_TYPES.join('|')})`, 'Any of these property types, comma-separated'),
  ),
  available_by: Type.Optional(IsoDate({ description: 'Available to move in on or before this date' })),
  sort: Type.Optional(
    literals(LISTING_SEARCH_SORTS, {
      description: 'Default: relevance with q, distance with near, else newest. relevance needs q.',
    }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  cursor: Type.Optional(Cursor({ maxLength: 2048 })),
};

/** The exact_clusters capability's parameters (/v1/listings/search). */
export const exactClusterQueryFields = {
  cluster: Type.Optional(
    Type.Boolean({ description: 'Answer exact counts per map cell instead of listings (needs zoom)' }),
  ),
  zoom: Type.Optional(Type.Integer({ minimum: 0, maximum: 22, description: 'Map zoom of the viewport' })),
  format: Type.Optional(literals(['json', 'geojson'] as const)),
};

/** The full_text capability's parameter (/v1/search/listings). */
export const fullTextQueryFields = {
  q: Type.Optional(Text({ minLength: 1, maxLength: 200, description: 'Full text (title, description)' })),
};

/** The facets capability's parameters (/v1/search/listings). */
export const facetQueryFields = {
  zoom: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 22, description: 'Map zoom: adds geotile clusters for it' }),
  ),
  price_interval: Type.Integer({
    minimum: 100,
    maximum: 100_000_000,
    default: 25_000,
    description: 'Bucket width of the price histogram facet, minor units',
  }),
};
