import createClient from 'openapi-fetch';
import type { paths } from '../generated/search-api.js';

/** The search service's API, typed from its OpenAPI document (npm run api:generate). */
export type SearchPaths = paths;

/** A client of the search API at `baseUrl` ('' in the browser: the same origin, through the ingress). */
export const searchClient = (baseUrl: string) => createClient<paths>({ baseUrl });
