import type { Static, TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { badRequest } from '../errors/problem.js';

/** Opaque cursor for the next page: base64url of the JSON the repository needs to resume (e.g. last sort key + id). */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by encodeCursor, checked against `schema`; anything else is the client's fault and
 * answers 400 problem+json.
 */
export function decodeCursor<T extends TObject>(cursor: string, schema: T): Static<T> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Value.Check(schema, parsed)) return parsed;
  } catch {
    // fall through: malformed base64 or JSON is reported the same way as a wrong shape
  }
  throw badRequest('The cursor is not valid; use next_cursor from a previous page.', 'invalid-cursor');
}
