import type { ListingSnapshot } from '@portfolioos/schemas';

/** What a map shows of a public listing: enough for its marker and popup. */
export interface ListingMarker {
  title: string;
  rent_minor: number;
  currency: string;
  beds: number;
  baths: number;
  property_type: string;
  cover_photo_url: string | null;
}

/**
 * A change of a listing on the public map (`listing:changed`): `upserted` (published, or changed while
 * published: add or replace the marker), `leased` or `unpublished` (remove it). A client keeps the highest
 * `version` per listing, so a late or repeated change is recognised.
 */
export interface ListingChange {
  listing_id: string;
  version: number;
  change: 'upserted' | 'leased' | 'unpublished';
  location: { lat: number; lng: number };
  occurred_at: string;
  listing: ListingMarker | null;
}

/** A listing's status for the staff of its organization (`listing:status`), whatever the status. */
export interface OrgListingStatus {
  listing_id: string;
  unit_id: string;
  version: number;
  status: string;
  occurred_at: string;
}

function marker(snapshot: ListingSnapshot): ListingMarker {
  return {
    title: snapshot.title,
    rent_minor: snapshot.rent_amount_minor,
    currency: snapshot.currency,
    beds: snapshot.bedrooms,
    baths: snapshot.full_baths + snapshot.half_baths / 2,
    property_type: snapshot.property_type.toLowerCase(),
    cover_photo_url: snapshot.photos[0]?.url ?? null,
  };
}

/**
 * The public change a snapshot means, or null when the public has nothing to hear: a listing that was
 * never published (a draft) stays unknown outside its organization, even its removal.
 */
export function publicListingChange(snapshot: ListingSnapshot): ListingChange | null {
  const base = {
    listing_id: snapshot.listing_id,
    version: snapshot.version,
    location: { lat: snapshot.location.lat, lng: snapshot.location.lng },
    occurred_at: new Date(snapshot.occurred_at).toISOString(),
  };
  if (snapshot.status === 'ACTIVE') return { ...base, change: 'upserted', listing: marker(snapshot) };
  if (snapshot.published_at === null) return null;
  return { ...base, change: snapshot.status === 'LEASED' ? 'leased' : 'unpublished', listing: null };
}

export function orgListingStatus(snapshot: ListingSnapshot): OrgListingStatus {
  return {
    listing_id: snapshot.listing_id,
    unit_id: snapshot.unit_id,
    version: snapshot.version,
    status: snapshot.status.toLowerCase(),
    occurred_at: new Date(snapshot.occurred_at).toISOString(),
  };
}
