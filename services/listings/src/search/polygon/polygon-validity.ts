import { sql } from 'drizzle-orm';
import { ProblemError } from '@portfolioos/service-kit';
import type { ListingsTx } from '../../db/database.js';

/** The area as PostGIS geometry (SRID 4326). */
export const polygonSql = (geojson: string) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326)`;

/**
 * Asks PostGIS whether the area is a valid (OGC) geometry: self-intersecting or self-touching rings,
 * holes outside their shell, overlapping parts. An invalid area is the client's mistake: a 400 naming it.
 */
export async function assertValidPolygon(tx: ListingsTx, geojson: string): Promise<void> {
  const row = await validity(tx, geojson).catch(() => undefined);
  if (row?.valid) return;
  throw new ProblemError({
    status: 400,
    slug: 'invalid-geometry',
    title: 'Bad Request',
    detail: 'The search area is not a valid polygon.',
    errors: [{ in: 'body', field: 'geometry', message: row?.reason ?? 'not a valid geometry' }],
  });
}

// PostGIS refuses some degenerate input outright (an error, not a reason); the input is all that varies.
async function validity(tx: ListingsTx, geojson: string) {
  const result = await tx.execute<{ valid: boolean; reason: string }>(
    sql`select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason from (select ${polygonSql(geojson)} as g) a`,
  );
  return result.rows[0];
}
