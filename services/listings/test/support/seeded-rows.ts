import type pg from 'pg';

/** One listing of an organization with its unit and property, as the database holds them. */
export interface SeededRow {
  listingId: string;
  unitId: string;
  propertyId: string;
  propertyName: string;
  propertyType: string;
  line1: string;
  city: string;
  region: string;
  country: string;
  timeZone: string;
  lat: number;
  lng: number;
  unitNumber: string;
  beds: number;
  baths: number;
  askingRentMinor: number;
  unitCurrency: string;
  title: string;
  description: string;
  petPolicy: string;
  priceMinor: number;
  currency: string;
  status: string;
  version: number;
}

/** Every listing of `orgId` joined to its unit and property, read as the superuser (past row-level security). */
export async function seededRows(admin: pg.Pool, orgId: string): Promise<SeededRow[]> {
  const { rows } = await admin.query<SeededRow>(
    `select l.id as "listingId", u.id as "unitId", p.id as "propertyId", p.name as "propertyName",
            p.property_type as "propertyType", p.address_line1 as line1, p.city, p.region, p.country,
            p.time_zone as "timeZone", ST_Y(p.location) as lat, ST_X(p.location) as lng,
            u.number as "unitNumber", u.beds, u.baths::float8 as baths,
            u.asking_rent_minor::float8 as "askingRentMinor", u.currency as "unitCurrency",
            l.title, l.description, l.pet_policy as "petPolicy", l.price_minor::float8 as "priceMinor",
            l.currency, l.status, l.version
       from listings l join units u on u.id = l.unit_id join properties p on p.id = u.property_id
      where l.org_id = $1`,
    [orgId],
  );
  return rows;
}

/** The same rows without ids, sorted: what two runs of a deterministic seed must agree on. */
export function withoutIds(rows: SeededRow[]): string[] {
  return rows.map(({ listingId: _l, unitId: _u, propertyId: _p, ...rest }) => JSON.stringify(rest)).sort();
}

/** Counts of an organization's rows in each listings table (and its public search rows). */
export async function tableCounts(admin: pg.Pool, orgId: string) {
  const { rows } = await admin.query<{
    properties: number;
    units: number;
    listings: number;
    published: number;
    public: number;
  }>(
    `select (select count(*)::int from properties where org_id = $1) as properties,
            (select count(*)::int from units where org_id = $1) as units,
            (select count(*)::int from listings where org_id = $1) as listings,
            (select count(*)::int from listings where org_id = $1 and status = 'published') as published,
            (select count(*)::int from public_listings where org_id = $1) as public`,
    [orgId],
  );
  return rows[0]!;
}

/** One outbox row of an organization. */
export interface OutboxRow {
  id: number;
  eventType: string;
  topic: string;
  key: string;
  payload: Record<string, unknown>;
}

export async function outboxRows(admin: pg.Pool, orgId: string): Promise<OutboxRow[]> {
  const { rows } = await admin.query<OutboxRow>(
    `select id::int, event_type as "eventType", topic, key, payload
       from outbox where organization_id = $1 and sent_at is null order by id`,
    [orgId],
  );
  return rows;
}
