import { sql, type SQL } from 'drizzle-orm';
import type { ListingsTx } from '../db/database.js';
import { polygonSql } from './polygon/polygon-validity.js';
import { pageTiles, tileCondition } from './tile-pages.js';
import { petPoliciesAllowing } from '@portfolioos/contracts';
import {
  type SearchArea,
  type SearchFilters,
  type SearchCriteria,
  type SearchSort,
} from './search-criteria.js';

/** Where the next page starts: the last item's sort key and id. */
export interface SearchPosition {
  sort: SearchSort;
  key: number | string;
  id: string;
}

/** One published listing as the public sees it. */
export interface SearchHit {
  id: string;
  organization_id: string;
  unit_id: string;
  property_id: string;
  title: string;
  description: string;
  price_minor: number;
  currency: string;
  pet_policy: string;
  beds: number;
  baths: number;
  sqft: number | null;
  available_from: string | null;
  property_type: string;
  address: { line1: string; city: string; region: string; postal_code: string; country: string };
  location: { lat: number; lng: number };
  amenities: string[];
  published_at: string;
  distance_m: number | null;
}

export interface HitRow {
  id: string;
  organization_id: string;
  unit_id: string;
  property_id: string;
  title: string;
  description: string;
  price_minor: string;
  currency: string;
  pet_policy: string;
  beds: number;
  baths: string;
  sqft: number | null;
  available_from: string | null;
  property_type: string;
  line1: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  lat: number;
  lng: number;
  amenities: string[];
  published_at: string;
  distance_m: number | null;
}

const pointGeography = (at: { lng: number; lat: number }) =>
  sql`ST_SetSRID(ST_MakePoint(${at.lng}, ${at.lat}), 4326)::geography`;

/** Where distances are measured from: a radius search's centre; a polygon's `near`, else its centroid. */
function originOf(area: SearchArea): SQL | undefined {
  if (area.kind === 'near') return pointGeography(area);
  if (area.kind !== 'polygon') return undefined;
  return area.origin ? pointGeography(area.origin) : sql`ST_Centroid(${polygonSql(area.geojson)})::geography`;
}

// Distances are measured on the sphere (use_spheroid = false): radius filter, distance and sort agree,
// and a client can check them with the haversine formula. The spheroid differs by < 0.5 %.
// A polygon includes its boundary (ST_Intersects, not ST_Within): a listing on the line is in the area.
export function areaCondition(area: SearchArea): SQL {
  if (area.kind === 'bbox')
    return sql`pl.location && ST_MakeEnvelope(${area.minLng}, ${area.minLat}, ${area.maxLng}, ${area.maxLat}, 4326)`;
  if (area.kind === 'polygon') return sql`ST_Intersects(pl.location, ${polygonSql(area.geojson)})`;
  return sql`ST_DWithin(pl.location::geography, ${pointGeography(area)}, ${area.radiusM}, false)`;
}

function distanceExpression(area: SearchArea): SQL {
  const origin = originOf(area);
  if (!origin) return sql`null::float8`;
  return sql`ST_Distance(pl.location::geography, ${origin}, false)`;
}

/** Conditions of the filters on the public listing pl. */
export function filterConditions(c: SearchFilters): SQL[] {
  const conditions: SQL[] = [];
  if (c.priceMin !== undefined) conditions.push(sql`pl.price_minor >= ${c.priceMin}`);
  if (c.priceMax !== undefined) conditions.push(sql`pl.price_minor <= ${c.priceMax}`);
  if (c.currency !== undefined) conditions.push(sql`pl.currency = ${c.currency}`);
  if (c.bedsMin !== undefined) conditions.push(sql`pl.beds >= ${c.bedsMin}`);
  if (c.bathsMin !== undefined) conditions.push(sql`pl.baths >= ${c.bathsMin}`);
  if (c.pets.length > 0)
    conditions.push(sql`pl.pet_policy = any(${sql.param(petPoliciesAllowing(c.pets))}::text[])`);
  if (c.amenities.length > 0) conditions.push(sql`pl.amenities @> ${sql.param(c.amenities)}::text[]`);
  if (c.propertyTypes.length > 0)
    conditions.push(sql`pl.property_type = any(${sql.param(c.propertyTypes)}::text[])`);
  if (c.availableBy !== undefined)
    conditions.push(sql`(pl.available_from is null or pl.available_from <= ${c.availableBy}::date)`);
  return conditions;
}

/** Sort expression and direction; the listing id breaks ties so pages never overlap or skip. */
function ordering(sort: SearchSort, distance: SQL): { key: SQL; desc: boolean } {
  if (sort === 'price_asc') return { key: sql`pl.price_minor`, desc: false };
  if (sort === 'price_desc') return { key: sql`pl.price_minor`, desc: true };
  if (sort === 'distance') return { key: distance, desc: false };
  return { key: sql`pl.published_at`, desc: true };
}

function positionCondition(sort: SearchSort, key: SQL, desc: boolean, after: SearchPosition): SQL {
  const value =
    sort === 'newest'
      ? sql`${after.key}::timestamptz`
      : sort === 'price_asc' || sort === 'price_desc'
        ? sql`${after.key}::bigint`
        : sql`${after.key}::float8`;
  return desc
    ? sql`(${key}, pl.listing_id) < (${value}, ${after.id}::uuid)`
    : sql`(${key}, pl.listing_id) > (${value}, ${after.id}::uuid)`;
}

/** Published listings (public_listings) matching `criteria`, one page after `after`, plus one more row to tell if there is a next page. */
export async function searchPublishedListings(
  tx: ListingsTx,
  criteria: SearchCriteria,
  after?: SearchPosition,
): Promise<SearchHit[]> {
  const distance = distanceExpression(criteria.area);
  const { key, desc } = ordering(criteria.sort, distance);
  const conditions = [
    ...filterConditions(criteria),
    ...(after ? [positionCondition(criteria.sort, key, desc, after)] : []),
  ];
  const page = { key, direction: desc ? sql`desc` : sql`asc`, limit: criteria.limit + 1, distance };
  const tiles = criteria.sort === 'distance' ? undefined : pageTiles(criteria.area);
  if (!tiles || criteria.area.kind !== 'bbox') {
    const where = [areaCondition(criteria.area), ...conditions];
    const result = await tx.execute<HitRow & Record<string, unknown>>(pageQuery(where, page));
    return result.rows.map(toHit);
  }
  // Each tile's page comes from its index in sort order. The box is then tested on the coordinates,
  // which no index serves: given a GiST-usable `&&`, the planner would read the whole box once per tile
  // (its estimate of the box's rows can be off by 1000×), and a bitmap scan would read it all to sort.
  const { minLng, minLat, maxLng, maxLat } = criteria.area;
  const inBox = sql`ST_X(pl.location) between ${minLng} and ${maxLng} and ST_Y(pl.location) between ${minLat} and ${maxLat}`;
  await tx.execute(sql`set local enable_bitmapscan = off`);
  const perTile = tiles.map((tile) => sql`(${pageQuery([tileCondition(tile), inBox, ...conditions], page)})`);
  const result = await tx.execute<HitRow & Record<string, unknown>>(sql`
    select * from (${sql.join(perTile, sql` union all `)}) tiles
     order by sort_key ${page.direction}, id ${page.direction}
     limit ${page.limit}`);
  return result.rows.map(toHit);
}

export interface PageShape {
  key: SQL;
  direction: SQL;
  limit: number;
  distance: SQL;
}

export function pageQuery(conditions: SQL[], { key, direction, limit, distance }: PageShape): SQL {
  return sql`
    select pl.listing_id as id, pl.org_id as organization_id, pl.unit_id, pl.property_id, pl.title, pl.description,
           pl.price_minor::text as price_minor, pl.currency, pl.pet_policy, pl.beds, pl.baths::text as baths,
           pl.sqft, pl.available_from::text as available_from, pl.property_type, pl.address_line1 as line1,
           pl.city, pl.region, pl.postal_code, pl.country, ST_Y(pl.location) as lat, ST_X(pl.location) as lng,
           pl.amenities,
           to_char(pl.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
           ${distance} as distance_m, ${key} as sort_key
      from public_listings pl
     where ${sql.join(conditions, sql` and `)}
     order by ${key} ${direction}, pl.listing_id ${direction}
     limit ${limit}`;
}

export function toHit(row: HitRow): SearchHit {
  return {
    id: row.id,
    organization_id: row.organization_id,
    unit_id: row.unit_id,
    property_id: row.property_id,
    title: row.title,
    description: row.description,
    price_minor: Number(row.price_minor),
    currency: row.currency,
    pet_policy: row.pet_policy,
    beds: row.beds,
    baths: Number(row.baths),
    sqft: row.sqft,
    available_from: row.available_from,
    property_type: row.property_type,
    address: {
      line1: row.line1,
      city: row.city,
      region: row.region,
      postal_code: row.postal_code,
      country: row.country,
    },
    location: { lat: row.lat, lng: row.lng },
    amenities: row.amenities,
    published_at: row.published_at,
    distance_m: row.distance_m,
  };
}

/** The sort key of a hit, as the cursor carries it. */
export function positionOf(sort: SearchSort, hit: SearchHit): SearchPosition {
  const key = sort === 'newest' ? hit.published_at : sort === 'distance' ? hit.distance_m! : hit.price_minor;
  return { sort, key, id: hit.id };
}
