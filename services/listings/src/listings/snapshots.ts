import {
  isoDateToAvroDate,
  type ListingSnapshot,
  type ListingStatus as EventStatus,
} from '@portfolioos/schemas';
import type { ListingsTx } from '../db/database.js';
import { nowMillis, publishMany } from '../outbox.js';
import { eventPropertyType } from '../properties/mapping.js';
import { splitBaths } from '../units/mapping.js';
import {
  bumpListingVersions,
  countListings,
  findListingViews,
  type ListingScope,
  type ListingStatus,
  type ListingView,
} from './repository.js';

const EVENT_STATUS: Record<ListingStatus, EventStatus> = {
  draft: 'DRAFT',
  published: 'ACTIVE',
  unpublished: 'PAUSED',
  leased: 'LEASED',
};

/** The complete listing as listings.listing carries it (readers keep the highest version per listing). */
export function snapshotOf({ listing, unit, property }: ListingView): ListingSnapshot {
  return {
    listing_id: listing.id,
    organization_id: listing.orgId,
    occurred_at: nowMillis(),
    version: listing.version,
    status: EVENT_STATUS[listing.status as ListingStatus] ?? 'UNKNOWN',
    property_id: property.id,
    unit_id: unit.id,
    title: listing.title,
    description: listing.description,
    rent_amount_minor: listing.priceMinor,
    deposit_amount_minor: unit.depositMinor,
    currency: listing.currency,
    available_from: unit.availableFrom ? isoDateToAvroDate(unit.availableFrom) : null,
    min_lease_months: null,
    bedrooms: unit.beds,
    ...splitBaths(unit.baths),
    square_feet: unit.sqft,
    property_type: eventPropertyType(property.propertyType),
    address: {
      line1: property.addressLine1,
      line2: property.addressLine2,
      city: property.city,
      region: property.region,
      postal_code: property.postalCode,
      country: property.country,
    },
    location: property.location,
    amenities: [...new Set([...property.amenities, ...unit.amenities])],
    pet_policy: listing.petPolicy.toUpperCase() as ListingSnapshot['pet_policy'],
    photos: [],
    published_at: listing.publishedAt?.getTime() ?? null,
  };
}

/** Enqueues the current snapshot of each listing (call after the change and its version bump). */
export async function publishSnapshots(tx: ListingsTx, orgId: string, listingIds: string[]): Promise<void> {
  const views = await findListingViews(tx, orgId, listingIds);
  const snapshots = views.map((view) => ({ key: view.listing.id, payload: snapshotOf(view) }));
  await publishMany(tx, 'portfolioos.listings.ListingSnapshot', snapshots);
}

/** A unit or property changed: its listings denormalize it, so each gets a new version and snapshot. */
export async function resnapshotListings(tx: ListingsTx, orgId: string, scope: ListingScope): Promise<void> {
  await publishSnapshots(tx, orgId, await bumpListingVersions(tx, orgId, scope));
}

export const countPublishedListings = (tx: ListingsTx, orgId: string, scope: ListingScope) =>
  countListings(tx, orgId, scope, 'published');
