import { Type, type StringOptions, type TString } from '@sinclair/typebox';

/** The shape of an IANA time zone name (UTC, America/Chicago, America/Argentina/Buenos_Aires, Etc/GMT+5). */
export const TIME_ZONE_PATTERN = '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$';

/** An IANA time zone name. */
export function TimeZone(options: Omit<StringOptions, 'pattern' | 'format'> = {}): TString {
  return Type.String({ minLength: 1, maxLength: 64, ...options, pattern: TIME_ZONE_PATTERN });
}
