import { randomUUID } from 'node:crypto';
import type { ListingSnapshot } from '@portfolioos/schemas';

/** A complete ACTIVE snapshot (version 1) in central Austin; override what a test is about. */
export function listingSnapshot(overrides: Partial<ListingSnapshot> = {}): ListingSnapshot {
  const now = Date.now();
  return {
    listing_id: randomUUID(),
    organization_id: randomUUID(),
    occurred_at: now,
    version: 1,
    status: 'ACTIVE',
    property_id: randomUUID(),
    unit_id: randomUUID(),
    title: 'Bright two bedroom apartment',
    description: 'Close to downtown, with a balcony and lots of light.',
    rent_amount_minor: 180_000,
    deposit_amount_minor: 180_000,
    currency: 'USD',
    available_from: null,
    min_lease_months: 12,
    bedrooms: 2,
    full_baths: 1,
    half_baths: 0,
    square_feet: 850,
    property_type: 'APARTMENT',
    address: {
      line1: '100 Congress Ave',
      line2: null,
      city: 'Austin',
      region: 'TX',
      postal_code: '78701',
      country: 'US',
    },
    location: { lat: 30.2672, lng: -97.7431 },
    amenities: ['dishwasher'],
    pet_policy: 'CATS',
    photos: [{ url: 'https://img.example/1.jpg', caption: null }],
    published_at: now,
    ...overrides,
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing data set can be reproduced. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Great-circle distance in metres (haversine, mean Earth radius as Elasticsearch uses). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.7714 * Math.asin(Math.sqrt(h));
}
