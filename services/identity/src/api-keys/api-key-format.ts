import { randomBytes } from 'node:crypto';
import { randomSecret } from '../crypto/secrets.js';

/** Every API key starts with this, so the auth plugin tells keys from JWTs and scanners can spot leaks. */
export const API_KEY_PREFIX = 'pk_';

/** A new key `pk_<12 hex prefix>_<secret>` and its visible prefix. */
export function mintApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  return { key: `${API_KEY_PREFIX}${prefix}_${randomSecret(32)}`, prefix };
}

/** The visible prefix of a presented key, or undefined when it is not shaped like one. */
export function prefixOf(key: string): string | undefined {
  const match = /^pk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  return match?.[1];
}

/** What people see of a key after creation. */
export const displayPrefix = (prefix: string): string => `${API_KEY_PREFIX}${prefix}`;
