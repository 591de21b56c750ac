import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_VIEW,
  parseSearchState,
  serializeSearchState,
  type SearchState,
} from '../client/search/search-state.js';
import { mapSearchQuery, textSearchQuery } from '../client/search/search-requests.js';

test('a search state survives the URL: every filter and the view come back as they were', () => {
  const state: SearchState = {
    view: { lat: 30.26715, lng: -97.74306, zoom: 12.5 },
    filters: {
      q: 'balcony',
      priceMin: 1200,
      priceMax: 2500,
      currency: 'USD',
      bedsMin: 2,
      bathsMin: 1.5,
      pets: ['cats', 'dogs'],
      propertyTypes: ['apartment', 'condo'],
    },
  };
  const query = serializeSearchState(state);
  assert.equal(
    query,
    'lat=30.26715&lng=-97.74306&z=12.50&q=balcony&price_min=1200&price_max=2500&beds=2&baths=1.5&pets=cats%2Cdogs&type=apartment%2Ccondo',
  );
  assert.deepEqual(parseSearchState(`?${query}`), state);
});

test('malformed or out-of-range values fall back to their defaults instead of failing the page', () => {
  const state = parseSearchState(
    '?lat=200&lng=x&z=3&beds=-1&baths=abc&pets=cats,snakes&type=castle&currency=usd',
  );
  assert.deepEqual(state.view, DEFAULT_VIEW);
  assert.deepEqual(state.filters, { currency: 'USD', pets: ['cats'], propertyTypes: [] });
});

test('low zooms ask listings for exact clusters, high zooms for at most 500 points; prices go in minor units', () => {
  const filters = { priceMin: 1000, currency: 'USD', bedsMin: 2, pets: [], propertyTypes: [] };
  const bbox = [-97.9, 30.1, -97.6, 30.4] as const;
  assert.deepEqual(mapSearchQuery(filters, bbox, 9.7), {
    bbox: '-97.90000,30.10000,-97.60000,30.40000',
    price_min: 100_000,
    currency: 'USD',
    beds_min: 2,
    cluster: true,
    zoom: 9,
    limit: 20,
  });
  assert.equal(mapSearchQuery(filters, bbox, 13).limit, 500);
  assert.equal(mapSearchQuery(filters, bbox, 13).cluster, undefined);
  // Keywords go to the search service, which then also answers the map (geotiles at low zooms).
  assert.equal(textSearchQuery({ ...filters, q: 'loft' }, bbox, 9.7).zoom, 9);
  assert.equal(textSearchQuery(filters, bbox, 9.7).q, undefined);
});
