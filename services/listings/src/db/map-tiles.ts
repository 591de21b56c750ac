import { sql, type SQL } from 'drizzle-orm';

/** Zoom of the tile coordinates stored per property (2.4 m cells at the equator; fits a 32-bit integer). */
export const TILE_ZOOM = 24;
/** Cell zooms listing_map_cells keeps; a cluster at zoom c reads the smallest level ≥ c (≤ 16× the cells). */
export const MAP_CELL_LEVELS = [3, 6, 9, 12, 15] as const;
/** Web-mercator's latitude limit: tiles are square only within ±85.05°. */
export const MAX_MERCATOR_LAT = 85.0511287798066;

const TILES = 2 ** TILE_ZOOM;

/**
 * The slippy-map tile index (x or y) of a point column at TILE_ZOOM, as an immutable SQL expression for a
 * generated column. Longitude 180 and latitudes beyond the mercator limit clamp to the edge tiles.
 */
export function webMercatorTileSql(axis: 'x' | 'y', column: string): SQL {
  const lng = `ST_X("${column}")`;
  const lat = `radians(greatest(least(ST_Y("${column}"), ${MAX_MERCATOR_LAT}), -${MAX_MERCATOR_LAT}))`;
  const fraction =
    axis === 'x' ? `((${lng} + 180) / 360)` : `((1 - ln(tan(${lat}) + 1 / cos(${lat})) / pi()) / 2)`;
  return sql.raw(`least(greatest(floor(${fraction} * ${TILES}), 0), ${TILES - 1})::integer`);
}

/** A tile's index at `zoom` of a longitude/latitude (the same rule as the SQL, for the in-memory side). */
export function tileOf(lng: number, lat: number, zoom: number): { x: number; y: number } {
  const n = 2 ** zoom;
  const clampedLat = (Math.max(Math.min(lat, MAX_MERCATOR_LAT), -MAX_MERCATOR_LAT) * Math.PI) / 180;
  const yFraction = (1 - Math.log(Math.tan(clampedLat) + 1 / Math.cos(clampedLat)) / Math.PI) / 2;
  const clamp = (v: number) => Math.min(Math.max(Math.floor(v * n), 0), n - 1);
  return { x: clamp((lng + 180) / 360), y: clamp(yFraction) };
}

/** The longitude/latitude bounds of tile (x, y) at `zoom`. */
export function tileBounds(zoom: number, x: number, y: number) {
  const n = 2 ** zoom;
  const lngOf = (tx: number) => (tx / n) * 360 - 180;
  const latOf = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return { min_lng: lngOf(x), min_lat: latOf(y + 1), max_lng: lngOf(x + 1), max_lat: latOf(y) };
}
