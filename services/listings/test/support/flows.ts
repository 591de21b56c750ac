import assert from 'node:assert/strict';
import type { ServiceApp } from '@portfolioos/service-kit';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A property body at `location` (Austin, TX by default). */
export function propertyBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Maple Court',
    property_type: 'apartment',
    address: { line1: '100 Congress Ave', city: 'Austin', region: 'TX', postal_code: '78701', country: 'US' },
    location: { lat: 30.2672, lng: -97.7431 },
    year_built: 1998,
    amenities: ['pool'],
    time_zone: 'America/Chicago',
    ...overrides,
  };
}

export function unitBody(overrides: Record<string, unknown> = {}) {
  return {
    number: '1A',
    beds: 2,
    baths: 1.5,
    sqft: 850,
    asking_rent_minor: 150_000,
    currency: 'USD',
    deposit_minor: 150_000,
    amenities: ['dishwasher'],
    ...overrides,
  };
}

async function created(app: ServiceApp, token: string, url: string, payload: object) {
  const response = await app.inject({ method: 'POST', url, headers: bearer(token), payload });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

export const createProperty = (app: ServiceApp, token: string, overrides: Record<string, unknown> = {}) =>
  created(app, token, '/v1/properties', propertyBody(overrides));

export const createUnit = (
  app: ServiceApp,
  token: string,
  propertyId: string,
  overrides: Record<string, unknown> = {},
) => created(app, token, `/v1/properties/${propertyId}/units`, unitBody(overrides));

export const createListing = (app: ServiceApp, token: string, unitId: string, overrides: object = {}) =>
  created(app, token, '/v1/listings', {
    unit_id: unitId,
    title: 'Sunny 2BR',
    pet_policy: 'cats',
    ...overrides,
  });

/** Publishes a listing and returns it. */
export async function publishListing(app: ServiceApp, token: string, listingId: string) {
  const response = await app.inject({
    method: 'POST',
    url: `/v1/listings/${listingId}/publish`,
    headers: bearer(token),
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}
