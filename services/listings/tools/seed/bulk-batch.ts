import { withOrgTransaction } from '@portfolioos/db';
import type { ListingsDb, ListingsTx } from '../../src/db/database.js';
import { nowMillis, publishMany } from '../../src/outbox.js';
import { publishSnapshots } from '../../src/listings/snapshots.js';
import { insertListings } from '../../src/listings/repository.js';
import { propertyColumns, propertyEventFields } from '../../src/properties/mapping.js';
import { insertProperties, type NewProperty, type PropertyRow } from '../../src/properties/repository.js';
import { unitColumns, unitEventFields } from '../../src/units/mapping.js';
import { insertUnits, type NewUnit, type UnitRow } from '../../src/units/repository.js';
import type { PropertyPlan } from './property-plan.js';

// A multi-row insert binds ~15 parameters a row; PostgreSQL allows 65,535 per statement.
const ROWS_PER_INSERT = 1000;
const SNAPSHOTS_PER_CALL = 250;

/**
 * Writes whole properties (property, units, published listings) and their events in ONE transaction,
 * with the listings tables and the same outbox calls the services make: PropertyCreated, UnitCreated,
 * and one ListingSnapshot per listing (publishSnapshots). Listings are inserted already published (one
 * ACTIVE snapshot, version 1) rather than created as drafts and then published: the end state and the
 * snapshot readers keep are the same, with half the writes. Returns the number of listings written.
 */
export function writePropertiesBatch(db: ListingsDb, orgId: string, plans: PropertyPlan[]): Promise<number> {
  return withOrgTransaction(db, orgId, async (tx) => {
    const occurredAt = nowMillis();
    const properties = await insertPlannedProperties(tx, orgId, plans);
    await publishMany(
      tx,
      'portfolioos.listings.PropertyCreated',
      properties.map((row) => ({
        key: row.id,
        payload: { ...propertyEventFields(row), occurred_at: occurredAt },
      })),
    );
    const units = await insertAllUnits(tx, orgId, plans, properties);
    await publishMany(
      tx,
      'portfolioos.listings.UnitCreated',
      units.map((row) => ({ key: row.id, payload: { ...unitEventFields(row), occurred_at: occurredAt } })),
    );
    const listingIds = await insertPublishedListings(tx, orgId, plans, properties, units);
    // findListingViews slows down more than linearly with the id list (row-level security per row).
    for (let i = 0; i < listingIds.length; i += SNAPSHOTS_PER_CALL)
      await publishSnapshots(tx, orgId, listingIds.slice(i, i + SNAPSHOTS_PER_CALL));
    return listingIds.length;
  });
}

/** The properties in plan order (rows matched back by name and address, unique within a batch). */
async function insertPlannedProperties(
  tx: ListingsTx,
  orgId: string,
  plans: PropertyPlan[],
): Promise<PropertyRow[]> {
  const key = (name: string, line1: string, lat: number, lng: number) => `${name}|${line1}|${lat}|${lng}`;
  const rows = await inChunks(
    plans.map((plan) => ({ ...propertyColumns(plan.property), orgId }) as NewProperty),
    (chunk) => insertProperties(tx, chunk),
  );
  const byKey = new Map(rows.map((r) => [key(r.name, r.addressLine1, r.location.lat, r.location.lng), r]));
  return plans.map(({ property: p }) => {
    const row = byKey.get(key(p.name, p.address.line1, p.location.lat, p.location.lng));
    if (!row) throw new Error(`bulk seed: property ${p.name} (${p.address.line1}) came back changed`);
    return row;
  });
}

async function insertAllUnits(
  tx: ListingsTx,
  orgId: string,
  plans: PropertyPlan[],
  properties: PropertyRow[],
) {
  const rows = plans.flatMap((plan, i) =>
    plan.units.map((u) => ({ ...unitColumns(u.unit), orgId, propertyId: properties[i]!.id }) as NewUnit),
  );
  return inChunks(rows, (chunk) => insertUnits(tx, chunk));
}

async function insertPublishedListings(
  tx: ListingsTx,
  orgId: string,
  plans: PropertyPlan[],
  properties: PropertyRow[],
  units: UnitRow[],
): Promise<string[]> {
  const unitOf = new Map(units.map((u) => [`${u.propertyId}/${u.number}`, u]));
  const publishedAt = new Date();
  const rows = plans.flatMap((plan, i) =>
    plan.units.map(({ unit, listing }) => {
      const row = unitOf.get(`${properties[i]!.id}/${unit.number}`)!;
      return {
        orgId,
        unitId: row.id,
        title: listing.title,
        description: listing.description,
        priceMinor: row.askingRentMinor,
        currency: row.currency,
        petPolicy: listing.pet_policy,
        status: 'published',
        publishedAt,
      };
    }),
  );
  return (await inChunks(rows, (chunk) => insertListings(tx, chunk))).map((row) => row.id);
}

async function inChunks<T, R>(rows: T[], insert: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    out.push(...(await insert(rows.slice(i, i + ROWS_PER_INSERT))));
  return out;
}
