import { sql, type SQL } from 'drizzle-orm';
import { TILE_ZOOM, tileOf } from '../db/map-tiles.js';
import type { SearchArea } from './search-criteria.js';

/** Zoom of the tiles a box is read by (about 9 × 9 km at 40° latitude). */
const PAGE_TILE_ZOOM = 12;
// Larger boxes (a region, a country) hold enough listings that the plain sorted scan finds a page fast.
const MAX_PAGE_TILES = 36;
// A literal, not a parameter: it must match the expression indexes of migration 0006.
const SHIFT = sql.raw(String(TILE_ZOOM - PAGE_TILE_ZOOM));

/**
 * The zoom-12 tiles covering a bbox when it is small enough to be read tile by tile, else undefined.
 * Reading each tile in sort order and merging (tilePageConditions) touches ~limit rows per tile, where
 * the whole box can hold tens of thousands of listings in a dense city.
 */
export function pageTiles(area: SearchArea): { x: number; y: number }[] | undefined {
  if (area.kind !== 'bbox') return undefined;
  const northWest = tileOf(area.minLng, area.maxLat, PAGE_TILE_ZOOM);
  const southEast = tileOf(area.maxLng, area.minLat, PAGE_TILE_ZOOM);
  const count = (southEast.x - northWest.x + 1) * (southEast.y - northWest.y + 1);
  if (count > MAX_PAGE_TILES) return undefined;
  const tiles = [];
  for (let x = northWest.x; x <= southEast.x; x += 1)
    for (let y = northWest.y; y <= southEast.y; y += 1) tiles.push({ x, y });
  return tiles;
}

/** The condition selecting one page tile's listings (matches the tile12 indexes). */
export const tileCondition = (tile: { x: number; y: number }): SQL =>
  sql`(pl.tile_x >> ${SHIFT}) = ${tile.x} and (pl.tile_y >> ${SHIFT}) = ${tile.y}`;
