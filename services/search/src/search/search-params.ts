import { Type, type Static } from '@sinclair/typebox';

export const sortOrders = ['relevance', 'newest', 'price_asc', 'price_desc', 'distance'] as const;
export type SortOrder = (typeof sortOrders)[number];

const commaList = (item: string, description: string) =>
  Type.String({ pattern: `^${item}(,${item})*$`, maxLength: 500, description });

/** Querystring of GET /v1/search/listings. Lists are comma-separated; money is in minor units. */
export const searchQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Full text (title, description).' }),
    ),
    bbox: Type.Optional(
      Type.String({ maxLength: 100, description: 'minLng,minLat,maxLng,maxLat (WGS84 degrees).' }),
    ),
    near: Type.Optional(Type.String({ maxLength: 60, description: 'lat,lng centre; requires radius_m.' })),
    radius_m: Type.Optional(Type.Integer({ minimum: 1, maximum: 500_000 })),
    price_min: Type.Optional(Type.Integer({ minimum: 0, description: 'Minimum monthly rent, minor units.' })),
    price_max: Type.Optional(Type.Integer({ minimum: 0, description: 'Maximum monthly rent, minor units.' })),
    beds_min: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
    baths_min: Type.Optional(Type.Number({ minimum: 0, maximum: 50, multipleOf: 0.5 })),
    pets: Type.Optional(commaList('(cats|dogs)', 'Pets that must all be allowed: cats, dogs.')),
    amenities: Type.Optional(commaList('[a-z0-9_]{1,50}', 'Amenity codes that must all be present.')),
    property_type: Type.Optional(
      commaList(
        '(SINGLE_FAMILY|MULTI_FAMILY|APARTMENT|CONDO|TOWNHOUSE|MOBILE_HOME|COMMERCIAL|OTHER)',
        'Any of these property types.',
      ),
    ),
    available_by: Type.Optional(
      Type.String({ format: 'date', description: 'Available to move in on or before this date.' }),
    ),
    sort: Type.Optional(
      Type.Union(
        sortOrders.map((s) => Type.Literal(s)),
        { description: 'Default: relevance with q, else newest. distance needs near.' },
      ),
    ),
    zoom: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 22, description: 'Map zoom: adds geotile clusters for it.' }),
    ),
    price_interval: Type.Integer({
      minimum: 100,
      maximum: 100_000_000,
      default: 25_000,
      description: 'Bucket width of the price histogram facet, minor units.',
    }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  },
  { additionalProperties: false },
);

export type SearchQuery = Static<typeof searchQuerySchema>;
