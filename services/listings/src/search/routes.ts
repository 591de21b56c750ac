import { Type } from '@sinclair/typebox';
import {
  badRequest,
  decodeCursor,
  encodeCursor,
  problemSchema,
  type ServicePlugin,
} from '@portfolioos/service-kit';
import type { ListingsDb } from '../db/database.js';
import { withPublicSearch } from '../db/database.js';
import { toFeatureCollection } from './geojson.js';
import { parseSearch, searchQuerystring, SORTS } from './search-query.js';
import { positionOf, searchPublishedListings, type SearchPosition } from './search-repository.js';
import { searchFeatureCollectionSchema, searchPageSchema } from './schemas.js';

const positionSchema = Type.Object({
  sort: Type.Union(SORTS.map((s) => Type.Literal(s))),
  key: Type.Union([Type.Number(), Type.String({ maxLength: 40 })]),
  id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }),
});

/** GET /v1/listings/search: public map search over published listings of every organization. */
export function searchRoutes(db: ListingsDb, maxLimit: number): ServicePlugin {
  return async (app) => {
    app.get(
      '/search',
      {
        config: { auth: { public: true } },
        schema: {
          tags: ['search'],
          summary: 'Search published listings on the map (no sign-in)',
          description:
            'Area: bbox=minLng,minLat,maxLng,maxLat or near=lat,lng&radius_m=. format=geojson answers a FeatureCollection.',
          querystring: searchQuerystring,
          response: {
            200: Type.Union([searchPageSchema, searchFeatureCollectionSchema]),
            400: problemSchema,
          },
        },
      },
      async (request) => {
        const criteria = parseSearch(request.query);
        criteria.limit = Math.min(criteria.limit, maxLimit);
        const after = request.query.cursor ? cursorFor(request.query.cursor, criteria.sort) : undefined;
        const rows = await withPublicSearch(db, (tx) => searchPublishedListings(tx, criteria, after));
        const hits = rows.slice(0, criteria.limit);
        const more = rows.length > criteria.limit;
        const nextCursor = more ? encodeCursor({ ...positionOf(criteria.sort, hits.at(-1)!) }) : null;
        if (request.query.format === 'geojson') return toFeatureCollection(hits, nextCursor);
        return { items: hits, next_cursor: nextCursor };
      },
    );
  };
}

function cursorFor(cursor: string, sort: SearchPosition['sort']): SearchPosition {
  const position = decodeCursor(cursor, positionSchema);
  if (position.sort !== sort || typeof position.key !== (sort === 'newest' ? 'string' : 'number'))
    throw badRequest('The cursor belongs to a search with another sort.', 'invalid-cursor');
  if (sort === 'newest' && Number.isNaN(Date.parse(position.key as string)))
    throw badRequest('The cursor is not valid; use next_cursor from a previous page.', 'invalid-cursor');
  return position;
}
