import type { UnitUpdated } from '@portfolioos/schemas';
import type { NewUnit, UnitRow } from './repository.js';
import type { UnitPatch } from './schemas.js';

/** The API view of a unit. */
export function unitToJson(row: UnitRow) {
  return {
    id: row.id,
    property_id: row.propertyId,
    number: row.number,
    beds: row.beds,
    baths: row.baths,
    sqft: row.sqft,
    asking_rent_minor: row.askingRentMinor,
    currency: row.currency,
    deposit_minor: row.depositMinor,
    amenities: row.amenities,
    available_from: row.availableFrom,
    archived_at: row.archivedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** RESO's split of a bath count (2.5 → 2 full, 1 half). */
export function splitBaths(baths: number): { full_baths: number; half_baths: number } {
  const full = Math.floor(baths);
  return { full_baths: full, half_baths: baths - full > 0 ? 1 : 0 };
}

/** The full-state fields UnitCreated and UnitUpdated share. */
export function unitEventFields(row: UnitRow): Omit<UnitUpdated, 'occurred_at'> {
  return {
    unit_id: row.id,
    organization_id: row.orgId,
    property_id: row.propertyId,
    label: row.number,
    bedrooms: row.beds,
    ...splitBaths(row.baths),
    square_feet: row.sqft,
    market_rent_minor: row.askingRentMinor,
    currency: row.currency,
  };
}

/** The columns an API body (whole or partial) sets; absent fields are left out, so defaults apply. */
export function unitColumns(body: UnitPatch): Partial<NewUnit> {
  const columns: Partial<NewUnit> = {
    number: body.number,
    beds: body.beds,
    baths: body.baths,
    sqft: body.sqft,
    askingRentMinor: body.asking_rent_minor,
    currency: body.currency,
    depositMinor: body.deposit_minor,
    amenities: body.amenities,
    availableFrom: body.available_from,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}
