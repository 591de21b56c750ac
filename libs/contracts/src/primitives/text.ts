import { Type, type StringOptions, type TString } from '@sinclair/typebox';

/**
 * Text every service can store and send: no NUL (PostgreSQL text cannot hold it) and no lone UTF-16
 * surrogate (not encodable as UTF-8; JSON's `\ud800` escape can carry one). Paired surrogates (emoji) are
 * one code point and pass: ajv, like every JSON Schema validator for JavaScript, compiles patterns with the
 * `u` flag. In the OpenAPI document as the field's `pattern`, so clients and fuzzers see the rule.
 */
export const TEXT_PATTERN = '^[^\\u0000\\uD800-\\uDFFF]*$';

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
