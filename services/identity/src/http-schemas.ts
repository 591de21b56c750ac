import { Type } from '@sinclair/typebox';

// The HTTP schemas several features share; a feature's own request/response shapes stay in its folder.

export const uuid = Type.String({ format: 'uuid' });
export const email = Type.String({ format: 'email', maxLength: 254 });
/** A new password; signing in accepts any non-empty one (older accounts may predate the rule). */
export const password = Type.String({ minLength: 10, maxLength: 256 });
export const displayName = Type.String({ minLength: 1, maxLength: 120 });

/** Emails are compared lower-cased and trimmed everywhere. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();

/** What a sign-in (login, admin token) takes. */
export const signInFields = { email, password: Type.String({ minLength: 1, maxLength: 256 }) };

export const tokenPair = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the access token expires.' }),
  refresh_token: Type.String(),
  refresh_expires_in: Type.Integer(),
});
