import { Type, type TSchema } from '@sinclair/typebox';

import { problemSchema } from '@portfolioos/service-kit';

export const uuid = Type.String({ format: 'uuid' });
export const idParams = Type.Object({ id: uuid });
export const timestamp = Type.String({ format: 'date-time' });
export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 code' });
/** An amount in integer minor units (cents), never negative. */
export const minorUnits = Type.Integer({ minimum: 0, maximum: 1e12, description: 'Integer minor units' });

/** One of a fixed list of words (an `enum` in OpenAPI). */
export const oneOf = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

// Creation-ordered pages share service-kit's cursor.
export {
  creationOrderPage,
  positionAfter,
  type CreationOrderPosition as CursorPosition,
} from '@portfolioos/service-kit';
