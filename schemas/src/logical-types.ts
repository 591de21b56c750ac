/** A UUID string (Avro `string` with logicalType `uuid`). */
export type Uuid = string;

/** UTC epoch milliseconds (Avro `long` with logicalType `timestamp-millis`). */
export type TimestampMillis = number;

/**
 * A calendar date as days since 1970-01-01 (Avro `int` with logicalType `date`).
 * Chosen over ISO strings because the registry, Kafka Connect and analytics sinks understand it as a date,
 * it cannot carry a time zone or time by mistake, and it validates on encode.
 */
export type AvroDate = number;

const msPerDay = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Converts `YYYY-MM-DD` to an Avro date; throws on anything else (including 2025-02-30). */
export function isoDateToAvroDate(isoDate: string): AvroDate {
  const match = isoDatePattern.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO calendar date (YYYY-MM-DD): ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epochMs = Date.UTC(year, month - 1, day);
  if (avroDateToIsoDate(epochMs / msPerDay) !== isoDate)
    throw new RangeError(`no such calendar date: ${isoDate}`);
  return epochMs / msPerDay;
}

/** Converts an Avro date (days since epoch) to `YYYY-MM-DD`. */
export function avroDateToIsoDate(days: AvroDate): string {
  if (!Number.isInteger(days)) throw new RangeError(`an Avro date is a whole number of days, got ${days}`);
  return new Date(days * msPerDay).toISOString().slice(0, 10);
}
