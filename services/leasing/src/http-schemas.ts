import { Type, type TSchema } from '@sinclair/typebox';
import { problemSchema } from '@portfolioos/service-kit';

export const uuid = Type.String({ format: 'uuid' });
export const idParams = Type.Object({ id: uuid });
export const timestamp = Type.String({ format: 'date-time' });
/** A calendar date (YYYY-MM-DD), described. */
export const dateOf = (description = 'Calendar date (YYYY-MM-DD)') =>
  Type.String({ format: 'date', description });
export const isoDate = dateOf();
export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 code' });
/** An amount in integer minor units (cents), never negative. */
export const minorOf = (options: { default?: number } = {}) =>
  Type.Integer({ minimum: 0, maximum: 1e12, description: 'Integer minor units', ...options });
export const minorUnits = minorOf();
export const email = Type.String({ format: 'email', maxLength: 254 });
export const phone = Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164 (+15125550100)' });

export const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

// Creation-ordered pages (properties, units, listings...) share service-kit's cursor.
export {
  creationOrderPage,
  positionAfter,
  type CreationOrderPosition as CursorPosition,
} from '@portfolioos/service-kit';
