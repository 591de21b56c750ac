import type { ListingRow } from './repository.js';

/** The staff API view of a listing. */
export function listingToJson(row: ListingRow) {
  return {
    id: row.id,
    unit_id: row.unitId,
    title: row.title,
    description: row.description,
    price_minor: row.priceMinor,
    currency: row.currency,
    pet_policy: row.petPolicy,
    status: row.status,
    published_at: row.publishedAt?.toISOString() ?? null,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
