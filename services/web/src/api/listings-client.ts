import createClient from 'openapi-fetch';
import type { paths } from '../generated/listings-api.js';

/** The listings service's API, typed from its OpenAPI document (npm run api:generate). */
export type ListingsPaths = paths;

/** A client of the listings API at `baseUrl` ('' in the browser: the same origin, through the ingress). */
export const listingsClient = (baseUrl: string) => createClient<paths>({ baseUrl });

/** One published listing as the public sees it (GET /v1/listings/published/{id}). */
export type PublishedListing =
  paths['/v1/listings/published/{id}']['get']['responses'][200]['content']['application/json'];
