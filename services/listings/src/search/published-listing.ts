import { sql } from 'drizzle-orm';
import { notFound } from '@portfolioos/service-kit';
import { withPublicSearch, type ListingsDb } from '../db/database.js';
import { pageQuery, toHit, type HitRow, type SearchHit } from './search-repository.js';

/**
 * One published listing as the public sees it (the same item as a search hit), read from public_listings:
 * a draft, unpublished or leased listing is not there, so it answers 404 like an id that never existed.
 */
export async function findPublishedListing(db: ListingsDb, id: string): Promise<SearchHit> {
  const row = await withPublicSearch(db, async (tx) => {
    const page = { key: sql`pl.published_at`, direction: sql`asc`, limit: 1, distance: sql`null::float8` };
    const result = await tx.execute<HitRow & Record<string, unknown>>(
      pageQuery([sql`pl.listing_id = ${id}::uuid`], page),
    );
    return result.rows[0];
  });
  if (!row) throw notFound('No published listing has this id.');
  return toHit(row);
}
