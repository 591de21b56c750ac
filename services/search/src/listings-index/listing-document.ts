import { avroDateToIsoDate, type ListingSnapshot, type PetPolicy } from '@portfolioos/schemas';

/** What one listing looks like in Elasticsearch (the `_source`). */
export interface ListingDocument {
  listing_id: string;
  organization_id: string;
  property_id: string;
  unit_id: string;
  version: number;
  status: string;
  title: string;
  description: string;
  price_minor: number;
  deposit_minor: number | null;
  currency: string;
  beds: number;
  full_baths: number;
  half_baths: number;
  baths: number;
  sqft: number | null;
  property_type: string;
  amenities: string[];
  pet_policy: string;
  pets_allowed: string[];
  available_from: string | null;
  min_lease_months: number | null;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  address: ListingSnapshot['address'];
  photos: ListingSnapshot['photos'];
  location: { lat: number; lon: number };
  published_at: string | null;
  updated_at: string;
}

// UNKNOWN (a policy newer than this reader) allows nothing: readers treat unknown symbols conservatively.
const petsAllowedBy: Record<PetPolicy, string[]> = {
  NONE: [],
  CATS: ['cats'],
  DOGS: ['dogs'],
  CATS_AND_DOGS: ['cats', 'dogs'],
  CASE_BY_CASE: [],
  UNKNOWN: [],
};

/** The search document for a snapshot; every snapshot is indexed, queries show only ACTIVE ones. */
export function toListingDocument(snapshot: ListingSnapshot): ListingDocument {
  return {
    listing_id: snapshot.listing_id,
    organization_id: snapshot.organization_id,
    property_id: snapshot.property_id,
    unit_id: snapshot.unit_id,
    version: snapshot.version,
    status: snapshot.status,
    title: snapshot.title,
    description: snapshot.description,
    price_minor: snapshot.rent_amount_minor,
    deposit_minor: snapshot.deposit_amount_minor,
    currency: snapshot.currency,
    beds: snapshot.bedrooms,
    full_baths: snapshot.full_baths,
    half_baths: snapshot.half_baths,
    baths: snapshot.full_baths + snapshot.half_baths / 2,
    sqft: snapshot.square_feet,
    property_type: snapshot.property_type,
    amenities: snapshot.amenities,
    pet_policy: snapshot.pet_policy,
    pets_allowed: petsAllowedBy[snapshot.pet_policy] ?? [],
    available_from: snapshot.available_from === null ? null : avroDateToIsoDate(snapshot.available_from),
    min_lease_months: snapshot.min_lease_months,
    city: snapshot.address.city,
    region: snapshot.address.region,
    postal_code: snapshot.address.postal_code,
    country: snapshot.address.country,
    address: snapshot.address,
    photos: snapshot.photos,
    location: { lat: snapshot.location.lat, lon: snapshot.location.lng },
    published_at: snapshot.published_at === null ? null : new Date(snapshot.published_at).toISOString(),
    updated_at: new Date(snapshot.occurred_at).toISOString(),
  };
}

/** What stays of a deleted listing: its id and the tombstone's version, in a status no query shows. */
export interface DeletedListingMarker {
  listing_id: string;
  version: number;
  status: 'DELETED';
  updated_at: string;
}

export function deletedListingMarker(listingId: string, version: number): DeletedListingMarker {
  return { listing_id: listingId, version, status: 'DELETED', updated_at: new Date().toISOString() };
}
