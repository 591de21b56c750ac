import { Type } from '@sinclair/typebox';
import { strictObject } from '@portfolioos/service-kit';

export const email = Type.String({ format: 'email', maxLength: 254 });
export const password = Type.String({ minLength: 10, maxLength: 256 });
export const displayName = Type.String({ minLength: 1, maxLength: 120 });
export const uuid = Type.String({ format: 'uuid' });

/** Emails are compared lower-cased and trimmed everywhere. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();

export const tokenPair = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the access token expires.' }),
  refresh_token: Type.String(),
  refresh_expires_in: Type.Integer(),
});

export const signUpBody = strictObject({
  email,
  password,
  display_name: displayName,
  phone: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' })),
  organization: strictObject({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    country: Type.String({ pattern: '^[A-Z]{2}$', default: 'US' }),
    timezone: Type.String({ minLength: 1, maxLength: 64, default: 'UTC' }),
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

export const loginBody = strictObject({
  email,
  password: Type.String({ minLength: 1, maxLength: 256 }),
  organization_id: Type.Optional(uuid),
});

export const refreshBody = strictObject({ refresh_token: Type.String({ minLength: 1, maxLength: 200 }) });

export const meResponse = Type.Object({
  user: Type.Object({ id: uuid, email: Type.String(), display_name: Type.String() }),
  principal: Type.Object({
    kind: Type.String(),
    organization_id: Type.Union([uuid, Type.Null()]),
    roles: Type.Array(Type.String()),
    scopes: Type.Array(Type.String()),
  }),
  memberships: Type.Array(
    Type.Object({
      membership_id: uuid,
      organization_id: uuid,
      organization_name: Type.String(),
      role: Type.String(),
    }),
  ),
});
