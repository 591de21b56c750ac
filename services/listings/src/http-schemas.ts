import { Type } from '@sinclair/typebox';
import { problemSchema, strictObject } from '@portfolioos/service-kit';
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

// Creation-ordered pages (properties, units, listings...) share service-kit's cursor.
export {
  creationOrderPage,
  positionAfter,
  type CreationOrderPosition as CursorPosition,
} from '@portfolioos/service-kit';
