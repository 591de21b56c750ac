import { Type } from '@sinclair/typebox';
import { ProblemError, type ServicePlugin } from '@portfolioos/service-kit';
import type { ClientBuild } from '../client-build/client-build.js';
import { acceptLanguageTags, negotiateLocale } from '../shared/format.js';
import { renderListingNotFound, renderListingPage } from './listing-page.js';
import type { PublicListings } from './public-listings.js';

export interface ListingPageOptions {
  listings: PublicListings;
  client: ClientBuild;
  publicBaseUrl: string;
}

/**
 * /listings/{id}: the listing's page rendered on the server, so search engines and link previews get its
 * title, price, photos and JSON-LD without running JavaScript. Cached a minute: a listing taken off the
 * market disappears soon enough, and crawlers do not hit listings for every view.
 */
export function listingPageRoutes({ listings, client, publicBaseUrl }: ListingPageOptions): ServicePlugin {
  return async (app) => {
    app.get(
      '/listings/:id',
      { schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } },
      async (request, reply) => {
        const locale = negotiateLocale(acceptLanguageTags(request.headers['accept-language']));
        const ctx = { locale, stylesheet: client.listingStylesheet };
        const listing = await listings.published(request.params.id, request.ip).catch((error: unknown) => {
          request.log.warn({ err: error }, 'listing page: listings did not answer');
          throw new ProblemError({
            status: 503,
            slug: 'upstream-unavailable',
            title: 'Service Unavailable',
            detail: 'Listings are not reachable right now; try again shortly.',
          });
        });
        reply.type('text/html; charset=utf-8').header('vary', 'accept-language');
        if (!listing)
          return reply.code(404).header('cache-control', 'no-cache').send(renderListingNotFound(ctx));
        const url = `${publicBaseUrl}/listings/${listing.id}`;
        return reply.header('cache-control', 'public, max-age=60').send(renderListingPage(listing, url, ctx));
      },
    );
  };
}
