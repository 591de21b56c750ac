import type { ListingsTx } from '../db/database.js';
import { listings, properties } from '../db/schema.js';
import type { ListingRow, NewListing } from '../listings/repository.js';
import type { NewProperty, PropertyRow } from '../properties/repository.js';

// Multi-row forms of insertProperty/insertListing (the repositories insert one row; insertUnits already
// takes many). Through the same drizzle tables, so generated columns and the statement triggers that
// maintain derived data (listing_map_cells) run exactly as for the API — once per statement instead of
// once per row. Each single-row INSERT … RETURNING also re-plans the row-level-security policies
// (~7 ms on properties), which is what made a row-at-a-time seed crawl.
// Chunks keep each statement under PostgreSQL's 65,535 bind parameters (~15 per row here).
const ROWS_PER_STATEMENT = 1000;

async function inChunks<T, R>(rows: T[], insert: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    out.push(...(await insert(rows.slice(i, i + ROWS_PER_STATEMENT))));
  return out;
}

/** Inserts properties; returns the rows (RETURNING order is not guaranteed: match by content). */
export const insertPropertyRows = (tx: ListingsTx, rows: NewProperty[]): Promise<PropertyRow[]> =>
  inChunks(rows, (chunk) => tx.insert(properties).values(chunk).returning());

/** Inserts listings; returns the rows. */
export const insertListingRows = (tx: ListingsTx, rows: NewListing[]): Promise<ListingRow[]> =>
  inChunks(rows, (chunk) => tx.insert(listings).values(chunk).returning());
