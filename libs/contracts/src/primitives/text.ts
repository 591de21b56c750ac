import { Type, type StringOptions, type TString } from '@sinclair/typebox';

/**
 * Text every service can store and send: no NUL (PostgreSQL text cannot hold it), in the OpenAPI document
 * as the field's `pattern` so clients and fuzzers see the rule; and no lone UTF-16 surrogate (not
 * encodable as UTF-8; JSON's `\ud800` escape can carry one), which service-kit refuses in every body
 * (http/well-formed-text.ts): a surrogate range in the pattern is refused by the Rust and Python regex
 * engines schema tools use (schemathesis dropped the whole pattern and sent NULs).
 */
export const TEXT_PATTERN = '^[^\\x00]*$';

/** A free-text string (names, descriptions, notes): the text rule plus the caller's length limits. */
export function Text(options: Omit<StringOptions, 'pattern' | 'format'> = {}): TString {
  return Type.String({ ...options, pattern: TEXT_PATTERN });
}

/** What encodeCursor produces (base64url); anything else cannot be a cursor of ours. */
export const CURSOR_PATTERN = '^[A-Za-z0-9_-]+$';

/** The opaque `cursor` of a list route (next_cursor of a previous page). */
export function Cursor(options: Omit<StringOptions, 'pattern' | 'format'> = {}): TString {
  return Type.String({ minLength: 1, ...options, pattern: CURSOR_PATTERN });
}
