import type { StaticDecode, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { badRequest } from '../errors/problem.js';

/** Opaque cursor for the next page: base64url of the JSON the repository needs to resume (e.g. last sort key + id). */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Reads a cursor made by encodeCursor, checked and decoded against `schema` (build its fields from
 * cursor-fields.ts: uuid, instant, bounded integer, finite number); anything else is the client's fault and
 * answers 400 problem+json `invalid-cursor`. Every service reads its cursors through this one function, so a
 * tampered cursor is refused alike everywhere.
 */
export function decodeCursor<T extends TSchema>(cursor: string, schema: T): StaticDecode<T> {
  try {
    // Buffer.from skips characters outside the alphabet; a cursor we made has none.
    if (BASE64URL.test(cursor)) {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      return Value.Decode(schema, parsed);
    }
  } catch {
    // fall through: malformed JSON, a wrong shape or an impossible value are reported alike
  }
  throw badRequest('The cursor is not valid; use next_cursor from a previous page.', 'invalid-cursor');
}
