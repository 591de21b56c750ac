import { listingsClient, type PublishedListing } from '../api/listings-client.js';

/** The listings service as the listing pages read it. */
export interface PublicListings {
  /** The published listing, or undefined when it is not on the market (404). */
  published(id: string, clientIp: string): Promise<PublishedListing | undefined>;
  health(): Promise<void>;
}

const TIMEOUT_MS = 5000;

/** PublicListings over HTTP at `baseUrl`. */
export function publicListings(baseUrl: string): PublicListings {
  const client = listingsClient(baseUrl);
  return {
    async published(id, clientIp) {
      const { data, response } = await client.GET('/v1/listings/published/{id}', {
        params: { path: { id } },
        // The web service is the visitor's proxy here: listings limits public reads per client address.
        headers: { 'x-forwarded-for': clientIp },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.status === 404) return undefined;
      if (!data) throw new Error(`listings answered ${response.status} for listing ${id}`);
      return data;
    },
    async health() {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (!response.ok) throw new Error(`listings /healthz answered ${response.status}`);
    },
  };
}
