import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from '@portfolioos/service-kit';
import { email, nullable, phone, timestamp, uuid } from '../http-schemas.js';

const name = Type.String({ minLength: 1, maxLength: 200 });

const emergencyContact = strictObject({
  name,
  phone: Type.Optional(nullable(phone)),
  email: Type.Optional(nullable(email)),
  relationship: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 80 }))),
});

export const tenantBody = strictObject({
  full_name: name,
  email: Type.Optional(nullable(email)),
  phone: Type.Optional(nullable(phone)),
  emergency_contact: Type.Optional(nullable(emergencyContact)),
  user_id: Type.Optional(
    nullable(Type.String({ format: 'uuid', description: 'identity user of the renter portal' })),
  ),
});
export type TenantBody = Static<typeof tenantBody>;

export const tenantPatch = Type.Partial(tenantBody, { additionalProperties: false, minProperties: 1 });
export type TenantPatch = Static<typeof tenantPatch>;

export const tenantSchema = Type.Object({
  id: uuid,
  full_name: Type.String(),
  email: nullable(Type.String()),
  phone: nullable(Type.String()),
  emergency_contact: nullable(
    Type.Object({
      name: Type.String(),
      phone: nullable(Type.String()),
      email: nullable(Type.String()),
      relationship: nullable(Type.String()),
    }),
  ),
  user_id: nullable(uuid),
  created_at: timestamp,
  updated_at: timestamp,
});
