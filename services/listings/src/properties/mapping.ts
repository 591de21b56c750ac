import type { PropertyType as EventPropertyType, PropertyUpdated } from '@portfolioos/schemas';
import type { PropertyRow } from './repository.js';

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
  };
}
