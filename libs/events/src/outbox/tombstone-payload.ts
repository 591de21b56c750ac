/**
 * How a tombstone is stored in the outbox's `payload` column: JSON `null` (no version), or an object
 * under the key `$tombstone`. No event payload can have that key (Avro field names cannot start with
 * `$`), so a tombstone and an event are never confused and the outbox table needs no extra column.
 */
const TOMBSTONE_KEY = '$tombstone';

/** The JSON to store for a tombstone of an aggregate at `version` (or without one). */
export function tombstonePayloadJson(version: number | undefined): string {
  return version === undefined ? 'null' : JSON.stringify({ [TOMBSTONE_KEY]: { version } });
}

/** The tombstone stored in an outbox payload, or null when the payload is an event's. */
export function storedTombstone(payload: unknown): { version: number | null } | null {
  if (payload === null) return { version: null };
  if (typeof payload !== 'object' || !(TOMBSTONE_KEY in payload)) return null;
  const version = (payload as Record<string, { version?: unknown }>)[TOMBSTONE_KEY]?.version;
  return { version: typeof version === 'number' ? version : null };
}
