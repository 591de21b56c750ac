import { Type, type Static } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { OFFLINE_METHODS } from '../ledger/model.js';
import { currency, isoDate, nullable, positiveMinor, signedMinor, uuid } from '../http-schemas.js';

const method = Type.Union(OFFLINE_METHODS.map((m) => Type.Literal(m)));

export const paymentBody = strictObject({
  lease_id: uuid,
  method,
  /** Check, money-order or transfer number. */
  reference: Type.Optional(nullable(Text({ minLength: 1, maxLength: 100 }))),
  amount_minor: positiveMinor,
  currency,
  received_on: isoDate,
  tenant_id: Type.Optional(nullable(uuid)),
});
export type PaymentBody = Static<typeof paymentBody>;

export const paymentSchema = Type.Object({
  id: uuid,
  lease_id: uuid,
  tenant_id: nullable(uuid),
  method: Type.Union([method, Type.Literal('CARD'), Type.Literal('ACH')]),
  reference: nullable(Type.String()),
  amount_minor: positiveMinor,
  currency,
  received_on: isoDate,
  unapplied_amount_minor: signedMinor,
  reversed: Type.Boolean(),
  allocations: Type.Array(
    Type.Object({
      id: uuid,
      charge_id: uuid,
      amount_minor: signedMinor,
      reverses_allocation_id: nullable(uuid),
    }),
  ),
});
