import { tileRoom } from '../gateway/rooms.js';

/** A map area as `[west, south, east, north]` in degrees (the `bbox` order of the search APIs). */
export type Bbox = [number, number, number, number];

/** Zoom levels viewports are watched at; a listing change is sent to its tile at each of them. */
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 16;

// Web mercator stops at ±85.0511°: there are no tiles beyond it.
const MAX_LAT = 85.05112878;

const clampLat = (lat: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));

function tileX(lng: number, zoom: number): number {
  const n = 2 ** zoom;
  return Math.min(n - 1, Math.max(0, Math.floor(((lng + 180) / 360) * n)));
}

function tileY(lat: number, zoom: number): number {
  const n = 2 ** zoom;
  const rad = (clampLat(lat) * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return Math.min(n - 1, Math.max(0, y));
}

const tileLng = (x: number, zoom: number) => (x / 2 ** zoom) * 360 - 180;
const tileLat = (y: number, zoom: number) =>
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** zoom))) * 180) / Math.PI;

/** The rooms a change at this point goes to: its tile at every zoom a viewport can be watched at. */
export function pointRooms(lat: number, lng: number): string[] {
  const rooms: string[] = [];
  for (let zoom = MIN_ZOOM; zoom <= MAX_ZOOM; zoom++)
    rooms.push(tileRoom(zoom, tileX(lng, zoom), tileY(lat, zoom)));
  return rooms;
}

/** The tiles a viewport watches: the finest zoom at which at most `maxTiles` cover it. */
export interface TileCover {
  zoom: number;
  rooms: string[];
  /** The area the tiles cover (the viewport grown to tile edges): changes inside it arrive, others never. */
  covered: Bbox;
}

/** Covers `bbox` with at most `maxTiles` tiles of one zoom (the finest that fits). */
export function coverBbox([west, south, east, north]: Bbox, maxTiles: number): TileCover {
  for (let zoom = MAX_ZOOM; zoom >= MIN_ZOOM; zoom--) {
    const [x0, x1] = [tileX(west, zoom), tileX(east, zoom)];
    const [y0, y1] = [tileY(north, zoom), tileY(south, zoom)];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > maxTiles && zoom > MIN_ZOOM) continue;
    const rooms: string[] = [];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) rooms.push(tileRoom(zoom, x, y));
    const covered: Bbox = [
      tileLng(x0, zoom),
      tileLat(y1 + 1, zoom),
      tileLng(x1 + 1, zoom),
      tileLat(y0, zoom),
    ];
    return { zoom, rooms, covered };
  }
  throw new Error('unreachable: zoom 0 is one tile');
}
