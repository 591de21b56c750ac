import { Type, type StaticDecode } from '@sinclair/typebox';
import { decodeCursor, encodeCursor } from './cursor.js';
import { cursorInstant, cursorUuid } from './cursor-fields.js';

// created_at is kept to the millisecond (the column default), so a JS date's ISO string is exact.
export const creationOrderCursor = Type.Object({ at: cursorInstant('milliseconds'), id: cursorUuid() });
export type CreationOrderPosition = StaticDecode<typeof creationOrderCursor>;

/** Where a creation-ordered page resumes, from the request's cursor (a bad cursor is a 400). */
export function positionAfter(cursor: string | undefined): CreationOrderPosition | undefined {
  return cursor ? decodeCursor(cursor, creationOrderCursor) : undefined;
}

/** A page of rows in creation order; a full page gets the cursor of its last row. */
export function creationOrderPage<R extends { id: string; createdAt: Date }, J>(
  rows: R[],
  limit: number,
  toJson: (row: R) => J,
): { items: J[]; next_cursor: string | null } {
  const last = rows.length === limit ? rows.at(-1) : undefined;
  return {
    items: rows.map(toJson),
    next_cursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
