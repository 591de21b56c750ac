import {
  badRequest,
  cursorInstant,
  cursorInteger,
  cursorNumber,
  cursorUuid,
  decodeCursor,
  encodeCursor,
} from '@portfolioos/service-kit';
import { Type } from '@sinclair/typebox';
import { withPublicSearch, type ListingsDb, type ListingsTx } from '../db/database.js';
import { cellGridFor } from './clusters/cell-grid.js';
import { clusterResponse } from './clusters/cluster-responses.js';
import { countListingsPerCell } from './clusters/cluster-repository.js';
import { toFeatureCollection } from './geojson.js';
import { assertValidPolygon } from './polygon/polygon-validity.js';
import { envelopeOf, type SearchCriteria, type SearchSort } from './search-criteria.js';
import { positionOf, searchPublishedListings, type SearchPosition } from './search-repository.js';

/** How the client asked for the answer, besides the criteria. */
export interface SearchRequest {
  cursor?: string;
  format?: 'json' | 'geojson';
}

// Each sort's key as positionOf writes it, so the repository's casts (timestamptz, bigint, float8) never fail:
// published_at to the millisecond, price_minor in minorUnits' range, a distance in metres.
const positionSchema = Type.Union([
  Type.Object({ sort: Type.Literal('newest'), key: cursorInstant('milliseconds'), id: cursorUuid() }),
  Type.Object({
    sort: Type.Union([Type.Literal('price_asc'), Type.Literal('price_desc')]),
    key: cursorInteger(0, 1e12),
    id: cursorUuid(),
  }),
  Type.Object({ sort: Type.Literal('distance'), key: cursorNumber(0), id: cursorUuid() }),
]);

/** The public search behind GET and POST /v1/listings/search: a page of listings, or map clusters. */
export class ListingSearch {
  constructor(
    private readonly db: ListingsDb,
    private readonly maxLimit: number,
  ) {}

  run(criteria: SearchCriteria, request: SearchRequest) {
    const after = request.cursor ? cursorFor(request.cursor, criteria.sort) : undefined;
    return withPublicSearch(this.db, async (tx) => {
      if (criteria.area.kind === 'polygon') await assertValidPolygon(tx, criteria.area.geojson);
      if (criteria.clusterZoom !== undefined)
        return this.clusters(tx, criteria, criteria.clusterZoom, request);
      return this.page(tx, criteria, after, request);
    });
  }

  private async page(
    tx: ListingsTx,
    criteria: SearchCriteria,
    after: SearchPosition | undefined,
    request: SearchRequest,
  ) {
    const limit = Math.min(criteria.limit, this.maxLimit);
    const rows = await searchPublishedListings(tx, { ...criteria, limit }, after);
    const hits = rows.slice(0, limit);
    const nextCursor =
      rows.length > limit ? encodeCursor({ ...positionOf(criteria.sort, hits.at(-1)!) }) : null;
    if (request.format === 'geojson') return toFeatureCollection(hits, nextCursor);
    return { items: hits, next_cursor: nextCursor };
  }

  private async clusters(tx: ListingsTx, criteria: SearchCriteria, zoom: number, request: SearchRequest) {
    const envelope = envelopeOf(criteria.area);
    if (!envelope) throw badRequest('Clusters need a bbox or a polygon.', 'invalid-search');
    const range = cellGridFor(zoom, envelope);
    return clusterResponse(await countListingsPerCell(tx, criteria, range), range, request.format);
  }
}

function cursorFor(cursor: string, sort: SearchSort): SearchPosition {
  const position = decodeCursor(cursor, positionSchema);
  if (position.sort !== sort)
    throw badRequest('The cursor belongs to a search with another sort.', 'invalid-cursor');
  return position;
}
