import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/** A WGS84 position in decimal degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

// PostGIS returns geometry as hex EWKB: byte order, type (with the SRID flag), SRID, then x and y.
const EWKB_SRID_FLAG = 0x20000000;

/** Reads a PostGIS point from its hex (E)WKB text. */
export function parseEwkbPoint(hex: string): GeoPoint {
  const bytes = Buffer.from(hex, 'hex');
  const little = bytes.readUInt8(0) === 1;
  const type = little ? bytes.readUInt32LE(1) : bytes.readUInt32BE(1);
  let offset = 5 + (type & EWKB_SRID_FLAG ? 4 : 0);
  const read = () => {
    const value = little ? bytes.readDoubleLE(offset) : bytes.readDoubleBE(offset);
    offset += 8;
    return value;
  };
  const lng = read();
  return { lng, lat: read() };
}

/**
 * `geometry(Point, 4326)`: stored as geometry so bounding boxes are plain longitude/latitude rectangles;
 * distances and radii cast to geography (see search/area.ts).
 */
export const geoPoint = customType<{ data: GeoPoint; driverData: string }>({
  dataType: () => 'geometry(Point, 4326)',
  toDriver: (point) => sql`ST_SetSRID(ST_MakePoint(${point.lng}, ${point.lat}), 4326)` as unknown as string,
  fromDriver: (hex) => parseEwkbPoint(hex),
});
