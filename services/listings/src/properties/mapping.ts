import type { PropertyType as EventPropertyType, PropertyUpdated } from '@portfolioos/schemas';
import type { NewProperty, PropertyRow } from './repository.js';
import type { PropertyPatch } from './schemas.js';

/** The API view of a property. */
export function propertyToJson(row: PropertyRow) {
  return {
    id: row.id,
    name: row.name,
    property_type: row.propertyType,
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      city: row.city,
      region: row.region,
      postal_code: row.postalCode,
      country: row.country,
    },
    location: row.location,
    year_built: row.yearBuilt,
    amenities: row.amenities,
    time_zone: row.timeZone,
    archived_at: row.archivedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The Avro spelling of a property type. */
export const eventPropertyType = (type: string): EventPropertyType => type.toUpperCase() as EventPropertyType;

/** The full-state fields PropertyCreated and PropertyUpdated share. */
export function propertyEventFields(row: PropertyRow): Omit<PropertyUpdated, 'occurred_at'> {
  return {
    property_id: row.id,
    organization_id: row.orgId,
    name: row.name,
    property_type: eventPropertyType(row.propertyType),
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      city: row.city,
      region: row.region,
      postal_code: row.postalCode,
      country: row.country,
    },
    location: row.location,
    year_built: row.yearBuilt,
    time_zone: row.timeZone,
  };
}

/** The columns an API body (whole or partial) sets; absent fields are left out, so defaults apply. */
export function propertyColumns(body: PropertyPatch): Partial<NewProperty> {
  const columns: Partial<NewProperty> = {
    name: body.name,
    propertyType: body.property_type,
    location: body.location,
    yearBuilt: body.year_built,
    amenities: body.amenities,
    timeZone: body.time_zone,
  };
  if (body.address) {
    Object.assign(columns, {
      addressLine1: body.address.line1,
      addressLine2: body.address.line2 ?? null,
      city: body.address.city,
      region: body.address.region,
      postalCode: body.address.postal_code,
      country: body.address.country,
    });
  }
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}
