import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { currency, minorUnits, nullable, oneOf, timestamp, uuid } from '../http-schemas.js';
import { CATEGORIES } from '../requests/vocabulary.js';

const email = Type.String({ format: 'email', maxLength: 254 });
const phone = Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164 (+15125550100)' });

export const vendorBody = strictObject({
  name: Text({ minLength: 1, maxLength: 200 }),
  trade: oneOf(CATEGORIES),
  contact_name: Type.Optional(nullable(Text({ minLength: 1, maxLength: 200 }))),
  email: Type.String({
    format: 'email',
    maxLength: 254,
    description: 'Where the vendor portal invitation goes: the user who accepts it acts for this vendor',
  }),
  phone: Type.Optional(nullable(phone)),
  service_area: Type.Optional(
    Type.Array(Text({ minLength: 1, maxLength: 100 }), {
      maxItems: 50,
      description: 'Postal codes, cities or areas served',
    }),
  ),
  hourly_rate_minor: Type.Optional(nullable(minorUnits)),
  currency,
  insurance_expires_on: Type.Optional(nullable(IsoDate())),
  w9_on_file: Type.Optional(Type.Boolean({ description: 'false when not given' })),
  eligible_1099: Type.Optional(Type.Boolean({ description: 'false when not given' })),
});
export type VendorBody = Static<typeof vendorBody>;

// No defaults in the body: the patch is its partial, and a default would fill (and overwrite) a field
// the caller left out.
export const vendorPatch = Type.Partial(vendorBody, { additionalProperties: false, minProperties: 1 });
export type VendorPatch = Static<typeof vendorPatch>;

export const vendorSchema = Type.Object({
  id: uuid,
  name: Type.String(),
  trade: oneOf(CATEGORIES),
  contact_name: nullable(Type.String()),
  email,
  phone: nullable(Type.String()),
  service_area: Type.Array(Type.String()),
  hourly_rate_minor: nullable(Type.Integer()),
  currency: Type.String(),
  insurance_expires_on: nullable(Type.String({ format: 'date' })),
  w9_on_file: Type.Boolean(),
  eligible_1099: Type.Boolean(),
  portal_user_ids: Type.Array(uuid, { description: 'Vendor portal users acting for this vendor' }),
  created_at: timestamp,
  updated_at: timestamp,
});
