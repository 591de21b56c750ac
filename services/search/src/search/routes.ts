import { retiredSearchSpellings } from '@portfolioos/contracts';
import { ProblemError, problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import type { ListingsSearch } from './listings-search.js';
import { MAX_AREA_BODY_BYTES, searchAreaBodySchema, type SearchAreaBody } from './search-area.js';
import { searchQuerySchema, type SearchQuery } from './search-params.js';
import { parseSearchRequest } from './search-request.js';
import { searchResponseSchema } from './search-response.js';

const responses = { 200: searchResponseSchema, 400: problemSchema, 410: problemSchema };

// Spellings from before the two searches shared one vocabulary answer 400 with the new spelling.
async function refuseRetiredSpellings(request: { query: unknown }): Promise<void> {
  const retired = retiredSearchSpellings(request.query);
  if (retired.length === 0) return;
  throw new ProblemError({
    status: 400,
    slug: 'invalid-search',
    title: 'Bad Request',
    detail: 'The search parameters are not valid.',
    errors: retired.map(({ field, message }) => ({ in: 'querystring' as const, field, message })),
  });
}

/** The public (anonymous) listing search: GET (map box, circle or none) and POST (a drawn area). */
export function searchRoutes(listings: ListingsSearch): ServicePlugin {
  return async (app) => {
    app.get<{ Querystring: SearchQuery }>(
      '/listings',
      {
        preValidation: refuseRetiredSpellings,
        schema: {
          tags: ['search'],
          summary: 'Search published listings: full text, map area, filters, facets and map clusters',
          description: 'Facets count each value under every filter but their own. 410: the cursor expired.',
          querystring: searchQuerySchema,
          response: responses,
        },
      },
      async (request) => listings.search(parseSearchRequest(request.query), request.ip),
    );
    app.post<{ Querystring: SearchQuery; Body: SearchAreaBody }>(
      '/listings',
      {
        // A body this size is refused (413) before it is parsed: no area worth drawing is larger.
        bodyLimit: MAX_AREA_BODY_BYTES,
        preValidation: refuseRetiredSpellings,
        schema: {
          tags: ['search'],
          summary: 'Search published listings inside a drawn map area (GeoJSON Polygon or MultiPolygon)',
          description:
            'The same querystring as GET (without bbox/near); page with next_cursor and the same body. ' +
            `413: the body is over ${MAX_AREA_BODY_BYTES / 1024} KiB.`,
          querystring: searchQuerySchema,
          body: searchAreaBodySchema,
          response: { ...responses, 413: problemSchema },
        },
      },
      async (request) =>
        listings.search(parseSearchRequest(request.query, request.body.geometry), request.ip),
    );
  };
}
