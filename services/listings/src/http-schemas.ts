import { Type, type StaticDecode } from '@sinclair/typebox';
import {
  cursorInstant,
  cursorUuid,
  decodeCursor,
  encodeCursor,
  problemSchema,
  strictObject,
} from '@portfolioos/service-kit';
import { IsoDate, IsoDateTime } from '@portfolioos/contracts';

export const uuid = Type.String({ format: 'uuid' });
export const idParams = Type.Object({ id: uuid });
export const timestamp = IsoDateTime();
export const isoDate = IsoDate();
export const currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 code' });
export const minorUnits = Type.Integer({ minimum: 0, maximum: 1e12, description: 'Integer minor units' });
export const amenities = Type.Array(Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), {
  maxItems: 50,
  uniqueItems: true,
  description: 'Amenity codes, snake_case (in_unit_laundry, dishwasher, parking, ...)',
});
export const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const geoPointSchema = strictObject({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
});

/** Makes every property of a strict body object optional (PATCH bodies). */
export const partialBody = <T extends Parameters<typeof Type.Partial>[0]>(body: T) =>
  Type.Partial(body, { additionalProperties: false, minProperties: 1 });

// created_at is kept to the millisecond (the column default), so a JS date's ISO string is exact.
export const cursorPosition = Type.Object({ at: cursorInstant('milliseconds'), id: cursorUuid() });
export type CursorPosition = StaticDecode<typeof cursorPosition>;

/** Where a creation-ordered page resumes, from the request's cursor (a bad cursor is a 400). */
export function positionAfter(cursor: string | undefined): CursorPosition | undefined {
  return cursor ? decodeCursor(cursor, cursorPosition) : undefined;
}

/** A page of rows in creation order; a full page gets the cursor of its last row. */
export function creationOrderPage<R extends { id: string; createdAt: Date }, J>(
  rows: R[],
  limit: number,
  toJson: (row: R) => J,
): { items: J[]; next_cursor: string | null } {
  const last = rows.length === limit ? rows.at(-1) : undefined;
  return {
    items: rows.map(toJson),
    next_cursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
