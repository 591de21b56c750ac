import { Type } from '@sinclair/typebox';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  cursorInstant,
  cursorUuid,
  decodeCursor,
  encodeCursor,
  type InstantPrecision,
} from '@portfolioos/service-kit';

/** A (time, id) position in a keyset-paged listing, as a page's next_cursor carries it. */
export interface Position {
  at: string;
  id: string;
}

/**
 * How a listing's cursor writes its time: `microseconds` is PostgreSQL's own precision
 * (`2024-05-01T12:00:00.123456Z`, from exactInstantOf); `milliseconds` is a JS date's ISO string
 * (`2024-05-01T12:00:00.123Z`), for listings that order on the millisecond-truncated time.
 */
export type Precision = InstantPrecision;

const positionShape = (precision: Precision) =>
  Type.Object({ at: cursorInstant(precision), id: cursorUuid() });
const shapes = { milliseconds: positionShape('milliseconds'), microseconds: positionShape('microseconds') };

/**
 * The position in `cursor` (undefined without one). Anything no page handed out, such as a non-uuid id or
 * an impossible date, is the client's fault: 400 invalid-cursor, before any SQL runs.
 */
export function readPosition(cursor: string | undefined, precision: Precision): Position | undefined {
  if (!cursor) return undefined;
  return decodeCursor(cursor, shapes[precision]);
}

/**
 * The next_cursor of a page of at most `limit` rows: the last row's position when the page is full, else
 * null (a full last page is followed by an empty one).
 */
export function nextCursorAfter<R>(
  rows: R[],
  limit: number,
  positionOf: (row: R) => Position,
): string | null {
  const last = rows.length === limit ? rows.at(-1) : undefined;
  return last === undefined ? null : encodeCursor({ ...positionOf(last) });
}

/** `column` as the microsecond cursor form, exact where a JS date would cut it to milliseconds. */
export const exactInstantOf = (column: AnyPgColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows strictly before `position` in a newest-first (time, id) listing; no condition without one. */
export function before(time: AnyPgColumn, id: AnyPgColumn, position?: Position): SQL | undefined {
  if (!position) return undefined;
  return sql`(${time}, ${id}) < (${position.at}::timestamptz, ${position.id}::uuid)`;
}
