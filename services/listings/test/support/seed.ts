import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** One seeded listing with everything the search filters look at. */
export interface SeededListing {
  id: string;
  orgId: string;
  lat: number;
  lng: number;
  status: 'published' | 'draft';
  priceMinor: number;
  beds: number;
  baths: number;
  petPolicy: string;
  amenities: string[];
  propertyType: string;
  availableFrom: string | null;
  publishedAt: Date;
}

/** Deterministic PRNG (mulberry32), so a failing run can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AMENITIES = ['pool', 'gym', 'parking', 'dishwasher'];
const PETS = ['none', 'cats', 'dogs', 'cats_and_dogs', 'case_by_case'];
const TYPES = ['apartment', 'condo', 'single_family'];

/**
 * Inserts `count` listings (one property and unit each) scattered uniformly within ±`spread` degrees of the
 * centre, across `orgs` organizations, about one in six left as drafts. Written as the superuser: the data is
 * the fixture, what is under test is the search over it.
 */
export async function seedListings(
  admin: pg.Pool,
  options: {
    count: number;
    centre: { lat: number; lng: number };
    spread: number;
    seed: number;
    orgs: string[];
  },
): Promise<SeededListing[]> {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const base = Date.UTC(2025, 0, 1);
  const listings: SeededListing[] = Array.from({ length: options.count }, () => ({
    id: randomUUID(),
    orgId: pick(options.orgs),
    lat: Number((options.centre.lat + (random() * 2 - 1) * options.spread).toFixed(6)),
    lng: Number((options.centre.lng + (random() * 2 - 1) * options.spread).toFixed(6)),
    status: random() < 1 / 6 ? 'draft' : 'published',
    // Coarse prices and publication times on purpose: ties must not break pagination.
    priceMinor: (8 + Math.floor(random() * 30)) * 10_000,
    beds: Math.floor(random() * 5),
    baths: pick([1, 1.5, 2, 2.5]),
    petPolicy: pick(PETS),
    amenities: AMENITIES.filter(() => random() < 0.4),
    propertyType: pick(TYPES),
    availableFrom:
      random() < 0.3
        ? null
        : new Date(base + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10),
    publishedAt: new Date(base + Math.floor(random() * 20) * 3_600_000),
  }));
  const propertyIds = listings.map(() => randomUUID());
  const unitIds = listings.map(() => randomUUID());
  const column = <T>(f: (l: SeededListing, i: number) => T) => listings.map(f);
  await admin.query(
    `insert into properties (id, org_id, name, property_type, address_line1, city, region, postal_code, country,
                             location, time_zone)
     select id, org_id, 'Seeded', property_type, '1 Main St', 'Austin', 'TX', '78701', 'US',
            ST_SetSRID(ST_MakePoint(lng, lat), 4326), 'America/Chicago'
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::float8[])
         as t(id, org_id, property_type, lng, lat)`,
    [
      propertyIds,
      column((l) => l.orgId),
      column((l) => l.propertyType),
      column((l) => l.lng),
      column((l) => l.lat),
    ],
  );
  await admin.query(
    `insert into units (id, org_id, property_id, number, beds, baths, asking_rent_minor, currency, amenities, available_from)
     select id, org_id, property_id, '1', beds, baths, price, 'USD',
            coalesce(string_to_array(nullif(amenities, ''), ','), '{}'), available_from
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::numeric[], $6::bigint[], $7::text[], $8::date[])
         as t(id, org_id, property_id, beds, baths, price, amenities, available_from)`,
    [
      unitIds,
      column((l) => l.orgId),
      propertyIds,
      column((l) => l.beds),
      column((l) => l.baths),
      column((l) => l.priceMinor),
      column((l) => l.amenities.join(',')),
      column((l) => l.availableFrom),
    ],
  );
  await admin.query(
    `insert into listings (id, org_id, unit_id, title, description, price_minor, currency, pet_policy, status, published_at)
     select id, org_id, unit_id, 'Seeded listing', '', price, 'USD', pet_policy, status,
            case when status = 'published' then published_at end
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::text[], $7::timestamptz[])
         as t(id, org_id, unit_id, price, pet_policy, status, published_at)`,
    [
      column((l) => l.id),
      column((l) => l.orgId),
      unitIds,
      column((l) => l.priceMinor),
      column((l) => l.petPolicy),
      column((l) => l.status),
      column((l) => l.publishedAt),
    ],
  );
  return listings;
}

/** PostGIS's sphere (use_spheroid = false) has the mean Earth radius. */
const EARTH_RADIUS_M = 6_371_008.7714;

/** Great-circle distance in metres (haversine), computed independently of PostGIS. */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
