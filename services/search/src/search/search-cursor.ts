import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { badRequest, decodeCursor, encodeCursor } from '@portfolioos/service-kit';
import { MAX_SAMPLE_PROBABILITY } from './facet-sampling.js';
import type { SearchRequest } from './search-request.js';

/** A sort value Elasticsearch hands back for search_after: numbers, keyword strings, or null. */
export type SortValue = number | string | null;

/** Where the next page starts: after these sort values, in this point-in-time view of the index. */
export interface SearchPosition {
  after: SortValue[];
  /** Null: the search was over the point-in-time budget and pages the live index. */
  pitId: string | null;
  /** The share of matches the first page counted facets on (1: exact); later pages count the same way. */
  sample: number;
}

const cursorSchema = Type.Object({
  /** Fingerprint of the search the cursor belongs to. */
  f: Type.String(),
  /** search_after: the sort values of the last item of the previous page. */
  a: Type.Array(Type.Union([Type.Number(), Type.String(), Type.Null()]), { minItems: 1, maxItems: 4 }),
  /** Point-in-time id: every page of one search reads the index as it was for the first page. */
  p: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  /** Facet sample probability, when the first page sampled (absent: exact). */
  s: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: MAX_SAMPLE_PROBABILITY })),
});

/** The cursor for the page after the item with these sort values. */
export function nextCursor(request: SearchRequest, position: SearchPosition): string {
  return encodeCursor({
    f: fingerprint(request),
    a: position.after,
    ...(position.pitId ? { p: position.pitId } : {}),
    ...(position.sample < 1 ? { s: position.sample } : {}),
  });
}

/**
 * The position in a cursor. A cursor from another search (other filters, area or sort) would skip or
 * repeat results silently, so it answers 400 like a malformed one.
 */
export function searchPositionOf(request: SearchRequest): SearchPosition | null {
  if (request.cursor === null) return null;
  const cursor = decodeCursor(request.cursor, cursorSchema);
  if (cursor.f !== fingerprint(request)) {
    throw badRequest('The cursor belongs to a different search; start again without it.', 'invalid-cursor');
  }
  return { after: cursor.a, pitId: cursor.p ?? null, sample: cursor.s ?? 1 };
}

function fingerprint(request: SearchRequest): string {
  const { cursor: _cursor, limit: _limit, zoom: _zoom, priceInterval: _interval, ...search } = request;
  return createHash('sha256').update(JSON.stringify(search)).digest('base64url').slice(0, 16);
}
