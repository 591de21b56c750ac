import { sql, type SQL } from 'drizzle-orm';
import type { ListingsTx } from '../../db/database.js';
import { MAP_CELL_LEVELS, TILE_ZOOM } from '../../db/map-tiles.js';
import { hasFilters, type SearchCriteria } from '../search-criteria.js';
import { areaCondition, filterConditions } from '../search-repository.js';
import { rangeEnvelope, refineRange, type TileRange } from './cell-grid.js';

/** Published listings of one cell of the grid: how many, and the mean of their positions. */
export interface CellCount {
  x: number;
  y: number;
  count: number;
  lng: number;
  lat: number;
}

/**
 * Counts per cell of `range`. A bbox without filters reads the maintained per-cell totals (a few thousand
 * rows at most, whatever the number of listings); filters, polygons and very fine cells aggregate the
 * matching listings live. A bbox counts whole cells (every listing of each cell it touches), so both
 * paths give the same numbers; a polygon counts only the listings inside it.
 */
export function countListingsPerCell(
  tx: ListingsTx,
  criteria: SearchCriteria,
  range: TileRange,
): Promise<CellCount[]> {
  const level = MAP_CELL_LEVELS.find((l) => l >= range.zoom);
  if (criteria.area.kind === 'bbox' && !hasFilters(criteria) && level !== undefined)
    return countFromCellTotals(tx, range, level);
  return countLive(tx, criteria, range);
}

async function countFromCellTotals(tx: ListingsTx, range: TileRange, level: number): Promise<CellCount[]> {
  const fine = refineRange(range, level);
  const shift = level - range.zoom;
  const result = await tx.execute<CellCount & Record<string, unknown>>(sql`
    select x >> ${shift} as x, y >> ${shift} as y, sum(listings)::int as count,
           (sum(sum_lng_e7) / sum(listings) / 1e7)::float8 as lng,
           (sum(sum_lat_e7) / sum(listings) / 1e7)::float8 as lat
      from listing_map_cells
     where zoom = ${level} and x between ${fine.x0} and ${fine.x1} and y between ${fine.y0} and ${fine.y1}
       and listings > 0
     group by 1, 2
     order by 2, 1`);
  return result.rows;
}

async function countLive(tx: ListingsTx, criteria: SearchCriteria, range: TileRange): Promise<CellCount[]> {
  const shift = TILE_ZOOM - range.zoom;
  const conditions = [cellArea(criteria, range), ...filterConditions(criteria)];
  const result = await tx.execute<CellCount & Record<string, unknown>>(sql`
    select pl.tile_x >> ${shift} as x, pl.tile_y >> ${shift} as y, count(*)::int as count,
           avg(ST_X(pl.location))::float8 as lng, avg(ST_Y(pl.location))::float8 as lat
      from public_listings pl
     where ${sql.join(conditions, sql` and `)}
     group by 1, 2
     order by 2, 1`);
  return result.rows;
}

// For a bbox the area is the cells it touches: the tile columns decide membership exactly (as the cell
// totals do), the envelope around them lets the GiST index find the candidates.
function cellArea(criteria: SearchCriteria, range: TileRange): SQL {
  if (criteria.area.kind !== 'bbox') return areaCondition(criteria.area);
  const fine = refineRange(range, TILE_ZOOM);
  const envelope = rangeEnvelope(range);
  const margin = 1e-9;
  return sql`pl.location && ST_MakeEnvelope(${envelope.minLng - margin}, ${envelope.minLat - margin},
                                           ${envelope.maxLng + margin}, ${envelope.maxLat + margin}, 4326)
         and pl.tile_x between ${fine.x0} and ${fine.x1} and pl.tile_y between ${fine.y0} and ${fine.y1}`;
}
