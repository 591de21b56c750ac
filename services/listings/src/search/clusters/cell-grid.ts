import { tileBounds, TILE_ZOOM, tileOf } from '../../db/map-tiles.js';
import type { Envelope } from '../search-criteria.js';

/** A map never gets more cluster features than this. */
export const MAX_CLUSTER_FEATURES = 500;
/** Cells are this many zoom levels finer than the map: a 256 px tile holds 4×4 cells of 64 px. */
export const CELL_ZOOM_OFFSET = 2;

/** An inclusive range of web-mercator tiles at `zoom` (y grows southwards). */
export interface TileRange {
  zoom: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The tiles at `zoom` an envelope touches. */
export function tileRangeOf(envelope: Envelope, zoom: number): TileRange {
  const northWest = tileOf(envelope.minLng, envelope.maxLat, zoom);
  const southEast = tileOf(envelope.maxLng, envelope.minLat, zoom);
  return { zoom, x0: northWest.x, x1: southEast.x, y0: northWest.y, y1: southEast.y };
}

const cellCount = (r: TileRange) => (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);

/**
 * The cell grid of a cluster search: tiles at min(zoom + 2, 24), coarsened one level at a time until the
 * area's envelope touches at most MAX_CLUSTER_FEATURES cells, so the answer can never exceed the cap
 * whatever the viewport's size.
 */
export function cellGridFor(mapZoom: number, envelope: Envelope): TileRange {
  let range = tileRangeOf(envelope, Math.min(mapZoom + CELL_ZOOM_OFFSET, TILE_ZOOM));
  while (range.zoom > 0 && cellCount(range) > MAX_CLUSTER_FEATURES)
    range = tileRangeOf(envelope, range.zoom - 1);
  return range;
}

/** The same range expressed in finer tiles (`zoom` ≥ range.zoom). */
export function refineRange(range: TileRange, zoom: number): TileRange {
  const shift = zoom - range.zoom;
  const last = (v: number) => ((v + 1) << shift) - 1;
  return { zoom, x0: range.x0 << shift, x1: last(range.x1), y0: range.y0 << shift, y1: last(range.y1) };
}

/** Longitude/latitude rectangle covering the range; edge tiles reach the poles and ±180°. */
export function rangeEnvelope(range: TileRange): Envelope {
  const n = 2 ** range.zoom;
  const northWest = tileBounds(range.zoom, range.x0, range.y0);
  const southEast = tileBounds(range.zoom, range.x1, range.y1);
  return {
    minLng: northWest.min_lng,
    maxLng: range.x1 === n - 1 ? 180 : southEast.max_lng,
    minLat: range.y1 === n - 1 ? -90 : southEast.min_lat,
    maxLat: range.y0 === 0 ? 90 : northWest.max_lat,
  };
}
