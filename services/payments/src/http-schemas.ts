import { Type, type TSchema } from '@sinclair/typebox';
import { IsoDate, Text } from '@portfolioos/contracts';
import { problemSchema } from '@portfolioos/service-kit';
import { CHARGE_TYPES } from './ledger/model.js';

export const uuid = Type.String({ format: 'uuid' });
export const idParams = Type.Object({ id: uuid });
export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const isoDate = IsoDate();
export const currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 code' });
/** A positive amount in integer minor units (cents) of its currency. */
export const positiveMinor = Type.Integer({ minimum: 1, maximum: 1e12, description: 'Integer minor units' });
/** A signed amount in integer minor units (balances, journal lines: debit positive). */
export const signedMinor = Type.Integer({ description: 'Integer minor units, signed' });
export const chargeType = Type.Union(CHARGE_TYPES.map((t) => Type.Literal(t)));
export const reason = Text({ minLength: 1, maxLength: 500 });

/** Every money-creating POST carries one (same key + same body → same response; another body → 422). */
export const idempotencyHeaders = Type.Object({
  'idempotency-key': Text({ minLength: 1, maxLength: 255, description: 'Client-chosen key of this request' }),
});

export const readErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
export const writeErrors = { ...readErrors, 409: problemSchema, 422: problemSchema };
