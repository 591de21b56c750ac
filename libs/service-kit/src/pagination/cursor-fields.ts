import { Type } from '@sinclair/typebox';

/**
 * Field types for cursor schemas (decodeCursor): each admits only values a page could have handed out and
 * the query can always use, so a tampered cursor is a 400 before any SQL runs, never a failed cast (500).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * How a cursor writes an instant: `milliseconds` is a JS date's ISO string (`2024-05-01T12:00:00.123Z`);
 * `microseconds` is PostgreSQL's own precision (`2024-05-01T12:00:00.123456Z`).
 */
export type InstantPrecision = 'milliseconds' | 'microseconds';

const INSTANT: Record<InstantPrecision, RegExp> = {
  milliseconds: /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})Z$/,
  microseconds: /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d{3}Z$/,
};

/** Whether `at` is a real instant in the exact UTC form of `precision`, so PostgreSQL can always cast it. */
export function isExactInstant(at: string, precision: InstantPrecision): boolean {
  const millis = INSTANT[precision].exec(at)?.[1];
  // PostgreSQL has no year 0 (JS dates do).
  if (millis === undefined || millis.startsWith('0000')) return false;
  const time = Date.parse(`${millis}Z`);
  // Date rolls 2024-02-30 over to March; a real date survives the round trip unchanged.
  return !Number.isNaN(time) && new Date(time).toISOString() === `${millis}Z`;
}

/** A lower-case UUID, as PostgreSQL prints one. */
export const cursorUuid = () => Type.String({ pattern: UUID.source });

/** A real instant in the exact form of `precision` (a string whose calendar date exists). */
export const cursorInstant = (precision: InstantPrecision) =>
  Type.Transform(Type.String({ pattern: INSTANT[precision].source }))
    .Decode((at) => {
      if (!isExactInstant(at, precision)) throw new RangeError(`not a ${precision} instant: ${at}`);
      return at;
    })
    .Encode((at) => at);

/**
 * An integer within [minimum, maximum] (both inside ±2^53, where JSON numbers are exact): a fraction or a
 * huge number would fail a bigint cast.
 */
export const cursorInteger = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });

/** A finite number (JSON's 1e999 parses to Infinity, which no float8 comparison wants) from `minimum` up. */
export const cursorNumber = (minimum: number) => Type.Number({ minimum });
