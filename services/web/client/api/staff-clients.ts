import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as IdentityPaths } from '../../src/generated/identity-api.js';
import type { paths as ListingsPaths } from '../../src/generated/listings-api.js';
import { accessToken, refreshAccessToken } from '../session/access-token.js';

// Each request keeps an untouched copy, so a 401 (token revoked or expired early) can be sent once more
// with a renewed token.
const originals = new WeakMap<Request, Request>();

/** Signs each request with the session's access token; on a 401 renews it once and retries. */
const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    originals.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const original = originals.get(request);
    if (response.status !== 401 || !original) return response;
    const token = await refreshAccessToken();
    if (!token) return response;
    original.headers.set('authorization', `Bearer ${token}`);
    return fetch(original);
  },
};

/** Identity's API as the signed-in person (same origin, through the ingress). */
export const identityApi = createClient<IdentityPaths>({ baseUrl: '' });
identityApi.use(bearer);

/** The listings staff API as the signed-in person. */
export const listingsApi = createClient<ListingsPaths>({ baseUrl: '' });
listingsApi.use(bearer);
