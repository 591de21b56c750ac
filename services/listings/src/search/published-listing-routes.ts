import { listingSearchItem } from '@portfolioos/contracts';
import { problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import type { ListingsDb } from '../db/database.js';
import { idParams } from '../http-schemas.js';
import { findPublishedListing } from './published-listing.js';

/**
 * GET /v1/listings/published/{id}: one published listing, anonymously — what the web app's server-rendered
 * listing page and link previews show. Static `published` wins over the staff route's `{id}`.
 */
export function publishedListingRoutes(db: ListingsDb): ServicePlugin {
  return async (app) => {
    app.get(
      '/published/:id',
      {
        config: { auth: { public: true as const } },
        schema: {
          tags: ['search'],
          summary: 'One published listing (no sign-in); 404 when it is not on the market',
          params: idParams,
          response: { 200: listingSearchItem, 400: problemSchema, 404: problemSchema },
        },
      },
      (request) => findPublishedListing(db, request.params.id),
    );
  };
}
