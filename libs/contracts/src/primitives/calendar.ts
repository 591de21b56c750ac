import { Type, type StringOptions, type TString } from '@sinclair/typebox';

/**
 * Years a date or timestamp of the platform may carry: 1900–9999. The floor is below any lease, listing or
 * payment and above years 0–99, which JavaScript's Date.UTC (used to encode Avro dates, isoDateToAvroDate)
 * reads as 1900–1999, so `0086-04-09` failed while building an event after the request had been accepted;
 * the ceiling is where four-digit ISO years end. PostgreSQL's date and timestamptz hold the whole range.
 */
const YEAR = '(19[0-9]{2}|[2-9][0-9]{3})';

/** `YYYY-MM-DD` within the platform's years; `format: date` adds the calendar check (no 02-30). */
export const DATE_PATTERN = `^${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`;

/** An RFC 3339 timestamp within the platform's years (the pattern bounds the year, the format the rest). */
export const DATE_TIME_PATTERN = `^${YEAR}-`;

type CalendarOptions = Omit<StringOptions, 'pattern' | 'format'>;

/** A calendar date (`YYYY-MM-DD`) the database and the event encoding both hold. */
export function IsoDate(options: CalendarOptions = {}): TString {
  return Type.String({ ...options, format: 'date', pattern: DATE_PATTERN });
}

/** An RFC 3339 date-time the database and the event encoding both hold. */
export function IsoDateTime(options: CalendarOptions = {}): TString {
  return Type.String({ ...options, format: 'date-time', pattern: DATE_TIME_PATTERN });
}
