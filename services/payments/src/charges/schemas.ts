import { Type, type Static } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { CREDIT_KINDS } from '../ledger/model.js';
import {
  chargeType,
  currency,
  isoDate,
  nullable,
  positiveMinor,
  reason,
  signedMinor,
  uuid,
} from '../http-schemas.js';

export const chargeBody = strictObject({
  lease_id: uuid,
  charge_type: chargeType,
  description: Text({ minLength: 1, maxLength: 200 }),
  amount_minor: positiveMinor,
  currency,
  due_date: isoDate,
});
export type ChargeBody = Static<typeof chargeBody>;

export const creditBody = strictObject({
  amount_minor: positiveMinor,
  kind: Type.Union(CREDIT_KINDS.map((k) => Type.Literal(k))),
  reason,
});
export type CreditBody = Static<typeof creditBody>;

export const reversalBody = strictObject({ reason });
export type ReversalBody = Static<typeof reversalBody>;

export const chargeListQuery = Type.Object({ lease_id: uuid });

export const chargeSchema = Type.Object({
  id: uuid,
  lease_id: uuid,
  charge_type: chargeType,
  description: Type.String(),
  amount_minor: positiveMinor,
  currency,
  due_date: isoDate,
  period_start: nullable(isoDate),
  period_end: nullable(isoDate),
  open_amount_minor: signedMinor,
  voided: Type.Boolean(),
});

export const chargeList = Type.Object({ items: Type.Array(chargeSchema) });

export const rentRunBody = strictObject({ as_of: isoDate });
export const rentRunResult = Type.Object({
  as_of: isoDate,
  leases: Type.Integer({ minimum: 0 }),
  charges_posted: Type.Integer({ minimum: 0 }),
});
