import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  index,
  integer,
  numeric,
  pgPolicy,
  primaryKey,
  smallint,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgIsolationPolicy } from '@portfolioos/db';
import { geoPoint } from './geo-point.js';
import { TILE_ZOOM, webMercatorTileSql } from './map-tiles.js';

export { inbox, outbox } from '@portfolioos/events';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const orgId = () => uuid('org_id').notNull();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
// Millisecond precision, so a timestamp survives a round trip through a JS Date (pagination cursors).
const nowMs = sql`date_trunc('milliseconds', now())`;
const createdAt = () => at('created_at').notNull().default(nowMs);
const updatedAt = () => at('updated_at').notNull().default(nowMs);
const textArray = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/**
 * Reading published listings across organizations, and only what a published listing shows: in a
 * transaction that sets `app.public_search = 'on'` (and no org), these SELECT-only policies reveal published
 * listings and the units/properties behind them, nothing else, and no writes are possible. The rebuild
 * functions of the derived tables (rebuild_public_listings, rebuild_listing_map_cells) read through them;
 * public search itself reads public_listings and sets nothing. Staff transactions never set it.
 */
const publicSearch = sql.raw(`current_setting('app.public_search', true) = 'on'`);
const publicRead = (condition: ReturnType<typeof sql>) =>
  pgPolicy('public_search_read', { as: 'permissive', for: 'select', using: condition });

export const properties = pgTable(
  'properties',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    propertyType: text('property_type').notNull(),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    city: text('city').notNull(),
    region: text('region').notNull(),
    postalCode: text('postal_code').notNull(),
    country: char('country', { length: 2 }).notNull(),
    location: geoPoint('location').notNull(),
    /** Web-mercator tile of the location at TILE_ZOOM, derived by PostgreSQL (map clusters shift it). */
    tileX: integer('tile_x').notNull().generatedAlwaysAs(webMercatorTileSql('x', 'location')),
    tileY: integer('tile_y').notNull().generatedAlwaysAs(webMercatorTileSql('y', 'location')),
    yearBuilt: integer('year_built'),
    amenities: textArray('amenities'),
    timeZone: text('time_zone').notNull(),
    archivedAt: at('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('properties_location_gist').using('gist', t.location),
    // Radius searches measure on the sphere: an index on the geography the query uses.
    index('properties_location_geog_gist').using('gist', sql`(${t.location}::geography)`),
    index('properties_org_created_idx').on(t.orgId, t.createdAt, t.id),
    orgIsolationPolicy(),
    publicRead(
      sql`${publicSearch} and exists (select 1 from units u join listings l on l.unit_id = u.id where u.property_id = properties.id and l.status = 'published')`,
    ),
  ],
);

export const units = pgTable(
  'units',
  {
    id: id(),
    orgId: orgId(),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    number: text('number').notNull(),
    beds: integer('beds').notNull(),
    baths: numeric('baths', { precision: 3, scale: 1, mode: 'number' }).notNull(),
    sqft: integer('sqft'),
    askingRentMinor: bigint('asking_rent_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    depositMinor: bigint('deposit_minor', { mode: 'number' }),
    amenities: textArray('amenities'),
    availableFrom: date('available_from', { mode: 'string' }),
    archivedAt: at('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('units_property_idx').on(t.propertyId, t.createdAt, t.id),
    check('units_baths_half_steps', sql`${t.baths} >= 0 and ${t.baths} * 2 = floor(${t.baths} * 2)`),
    check('units_money_non_negative', sql`${t.askingRentMinor} >= 0 and coalesce(${t.depositMinor}, 0) >= 0`),
    orgIsolationPolicy(),
    publicRead(
      sql`${publicSearch} and exists (select 1 from listings l where l.unit_id = units.id and l.status = 'published')`,
    ),
  ],
);

export const listings = pgTable(
  'listings',
  {
    id: id(),
    orgId: orgId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    petPolicy: text('pet_policy').notNull(),
    status: text('status').notNull().default('draft'),
    /** When status last changed: a lease signed before a re-publication does not take the listing down. */
    statusChangedAt: at('status_changed_at').notNull().default(nowMs),
    publishedAt: at('published_at'),
    /** Snapshot version: +1 on every change, so readers of listings.listing keep the newest. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('listings_unit_status_idx').on(t.unitId, t.status),
    index('listings_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('listings_published_price_idx')
      .on(t.priceMinor, t.id)
      .where(sql`${t.status} = 'published'`),
    check('listings_status', sql`${t.status} in ('draft', 'published', 'unpublished', 'leased')`),
    check('listings_price_non_negative', sql`${t.priceMinor} >= 0`),
    orgIsolationPolicy(),
    publicRead(sql`${publicSearch} and status = 'published'`),
  ],
);

/**
 * Published listings per web-mercator cell at a few zoom levels (MAP_CELL_LEVELS), for unfiltered map
 * clusters without a GROUP BY over every listing. Derived data: statement triggers on listings and
 * properties keep it in the writing transaction, and rebuild_listing_map_cells() recomputes it. Sums are
 * integer 1e-7 degrees so increments and decrements are exact (a rebuild gives the same numbers). It holds
 * only public, organization-free counts, so it has no row-level security.
 */
export const listingMapCells = pgTable(
  'listing_map_cells',
  {
    zoom: smallint('zoom').notNull(),
    x: integer('x').notNull(),
    y: integer('y').notNull(),
    listings: integer('listings').notNull(),
    sumLngE7: bigint('sum_lng_e7', { mode: 'number' }).notNull(),
    sumLatE7: bigint('sum_lat_e7', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.zoom, t.x, t.y] }),
    check('listing_map_cells_zoom', sql`${t.zoom} between 0 and ${sql.raw(String(TILE_ZOOM))}`),
  ],
);

/**
 * The public face of the listings: one row per currently published listing, with every column public
 * search filters, sorts, returns and clusters on (its unit's and property's included), so a search reads
 * one table with plain indexes. Row-level security on the source tables hides PostGIS index conditions
 * (its operators are not leakproof), which turned a city search into a sequential scan; this table holds
 * only what the public may see, so it needs none. Derived data: statement triggers on listings, units and
 * properties keep it in the writing transaction, and rebuild_public_listings() recomputes it.
 */
export const publicListings = pgTable(
  'public_listings',
  {
    listingId: uuid('listing_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    propertyId: uuid('property_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    petPolicy: text('pet_policy').notNull(),
    beds: integer('beds').notNull(),
    baths: numeric('baths', { precision: 3, scale: 1, mode: 'number' }).notNull(),
    sqft: integer('sqft'),
    availableFrom: date('available_from', { mode: 'string' }),
    /** The unit's and the property's amenities together, sorted, without repeats. */
    amenities: text('amenities').array().notNull(),
    propertyType: text('property_type').notNull(),
    addressLine1: text('address_line1').notNull(),
    city: text('city').notNull(),
    region: text('region').notNull(),
    postalCode: text('postal_code').notNull(),
    country: char('country', { length: 2 }).notNull(),
    location: geoPoint('location').notNull(),
    tileX: integer('tile_x').notNull(),
    tileY: integer('tile_y').notNull(),
    publishedAt: at('published_at'),
  },
  (t) => [
    index('public_listings_location_gist').using('gist', t.location),
    index('public_listings_location_geog_gist').using('gist', sql`(${t.location}::geography)`),
    // Wide areas: walk the sort order and test the location, instead of sorting every listing in the area.
    index('public_listings_price_idx').on(t.priceMinor, t.listingId),
    index('public_listings_published_idx').on(t.publishedAt, t.listingId),
    index('public_listings_amenities_gin').using('gin', t.amenities),
  ],
);
