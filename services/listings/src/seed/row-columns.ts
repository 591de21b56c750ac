import type { NewProperty } from '../properties/repository.js';
import type { PropertyBody } from '../properties/schemas.js';
import type { NewUnit } from '../units/repository.js';
import type { UnitBody } from '../units/schemas.js';

// The same body → column mapping as PropertyService/UnitService.create (their columnsOf is private).
// Keep in step with those until the services export it.

/** The properties row for an API property body. */
export function propertyColumns(orgId: string, body: PropertyBody): NewProperty {
  return {
    orgId,
    name: body.name,
    propertyType: body.property_type,
    addressLine1: body.address.line1,
    addressLine2: body.address.line2 ?? null,
    city: body.address.city,
    region: body.address.region,
    postalCode: body.address.postal_code,
    country: body.address.country,
    location: body.location,
    yearBuilt: body.year_built ?? null,
    amenities: body.amenities ?? [],
    timeZone: body.time_zone,
  };
}

/** The units row for an API unit body of property `propertyId`. */
export function unitColumns(orgId: string, propertyId: string, body: UnitBody): NewUnit {
  return {
    orgId,
    propertyId,
    number: body.number,
    beds: body.beds,
    baths: body.baths,
    sqft: body.sqft ?? null,
    askingRentMinor: body.asking_rent_minor,
    currency: body.currency,
    depositMinor: body.deposit_minor ?? null,
    amenities: body.amenities ?? [],
    availableFrom: body.available_from ?? null,
  };
}
