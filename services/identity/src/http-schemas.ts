import { Type } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';

// The HTTP schemas several features share; a feature's own request/response shapes stay in its folder.

export const uuid = Type.String({ format: 'uuid' });
export const email = Type.String({ format: 'email', maxLength: 254 });
/** A new password; signing in accepts any non-empty one (older accounts may predate the rule). */
export const password = Text({ minLength: 10, maxLength: 256 });
export const displayName = Text({ minLength: 1, maxLength: 120 });
/** An opaque token we minted (refresh token, invitation token, API key): text, bounded. */
export const opaqueToken = Text({ minLength: 1, maxLength: 200 });

/** Emails are compared lower-cased and trimmed everywhere. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();

/** What a sign-in (login, admin token) takes. */
export const signInFields = { email, password: Text({ minLength: 1, maxLength: 256 }) };

export const tokenPair = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the access token expires.' }),
  refresh_token: Type.String(),
  refresh_expires_in: Type.Integer(),
});
