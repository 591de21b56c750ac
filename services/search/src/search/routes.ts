import { problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import type { ListingsSearch } from './listings-search.js';
import { searchAreaBodySchema, type SearchAreaBody } from './search-area.js';
import { searchQuerySchema, type SearchQuery } from './search-params.js';
import { parseSearchRequest } from './search-request.js';
import { searchResponseSchema } from './search-response.js';

const responses = { 200: searchResponseSchema, 400: problemSchema, 410: problemSchema };

/** The public (anonymous) listing search: GET (map box, circle or none) and POST (a drawn area). */
export function searchRoutes(listings: ListingsSearch): ServicePlugin {
  return async (app) => {
    app.get<{ Querystring: SearchQuery }>(
      '/listings',
      {
        schema: {
          tags: ['search'],
          summary: 'Search published listings: full text, map area, filters, facets and map clusters',
          description: 'Facets count each value under every filter but their own. 410: the cursor expired.',
          querystring: searchQuerySchema,
          response: responses,
        },
      },
      async (request) => listings.search(parseSearchRequest(request.query)),
    );
    app.post<{ Querystring: SearchQuery; Body: SearchAreaBody }>(
      '/listings',
      {
        schema: {
          tags: ['search'],
          summary: 'Search published listings inside a drawn map area (GeoJSON Polygon or MultiPolygon)',
          description:
            'The same querystring as GET (without bbox/near); page with next_cursor and the same body.',
          querystring: searchQuerySchema,
          body: searchAreaBodySchema,
          response: responses,
        },
      },
      async (request) => listings.search(parseSearchRequest(request.query, request.body.geometry)),
    );
  };
}
