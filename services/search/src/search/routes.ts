import { problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import type { ListingsSearch } from './listings-search.js';
import { searchQuerySchema } from './search-params.js';
import { parseSearchRequest } from './search-request.js';
import { searchResponseSchema } from './search-response.js';

/** The public (anonymous) listing search: GET /v1/search/listings. */
export function searchRoutes(listings: ListingsSearch): ServicePlugin {
  return async (app) => {
    app.get(
      '/listings',
      {
        schema: {
          tags: ['search'],
          summary: 'Search published listings: full text, map area, filters, facets and map clusters',
          querystring: searchQuerySchema,
          response: { 200: searchResponseSchema, 400: problemSchema },
        },
      },
      async (request) => listings.search(parseSearchRequest(request.query)),
    );
  };
}
