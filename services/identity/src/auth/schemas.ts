import { Type } from '@sinclair/typebox';
import { strictObject } from '@portfolioos/service-kit';
import { Text, TimeZone } from '@portfolioos/contracts';
import { displayName, email, opaqueToken, password, signInFields, tokenPair, uuid } from '../http-schemas.js';

export const signUpBody = strictObject({
  email,
  password,
  display_name: displayName,
  phone: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' })),
  organization: strictObject({
    name: Text({ minLength: 1, maxLength: 200 }),
    country: Type.String({ pattern: '^[A-Z]{2}$', default: 'US' }),
    timezone: TimeZone({ default: 'UTC' }),
    default_currency: Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' }),
  }),
});

export const applicantBody = strictObject({
  email,
  password,
  display_name: displayName,
  phone: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' })),
  organization_id: uuid,
});

export const signUpResponse = Type.Object({ user_id: uuid, organization_id: uuid, tokens: tokenPair });

export const loginBody = strictObject({ ...signInFields, organization_id: Type.Optional(uuid) });

export const refreshBody = strictObject({ refresh_token: opaqueToken });
