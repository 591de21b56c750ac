import { sql, type SQL } from 'drizzle-orm';
import type { ConsumedRecord, HandlerTransaction } from './consumed-event.js';

/** One inbox row to write for a record. */
export interface InboxEntry {
  eventId: string;
  type: string;
}

/** The inbox entry of a record: none for a bare tombstone (no envelope, so no event id to remember). */
export function inboxEntry<P extends object>(record: ConsumedRecord<P>): InboxEntry[] {
  const envelope = record.kind === 'event' ? record.event.envelope : record.tombstone.envelope;
  return envelope ? [{ eventId: envelope.eventId, type: envelope.eventType }] : [];
}

/**
 * The insert-once statement for the entries, returning the event ids that were not there yet. Two
 * array parameters instead of three per row: drizzle building values lists of hundreds of parameters
 * was the largest item of the bench consumer's own CPU profile.
 */
export function inboxInsert(consumer: string, entries: InboxEntry[]): SQL {
  const ids = entries.map((e) => e.eventId);
  const types = entries.map((e) => e.type);
  // sql.param: one array parameter (drizzle spreads a bare array into a list of parameters).
  return sql`insert into inbox (consumer, event_id, event_type)
    select ${consumer}, e.event_id, e.event_type
      from unnest(${sql.param(ids)}::uuid[], ${sql.param(types)}::text[]) as e(event_id, event_type)
    on conflict do nothing
    returning event_id`;
}

/** Inserts the entries once (`on conflict do nothing`); returns the event ids that were not there yet. */
export async function recordInInbox(
  tx: HandlerTransaction,
  consumer: string,
  entries: InboxEntry[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set<string>();
  const result = (await tx.execute(inboxInsert(consumer, entries))) as { rows: { event_id: string }[] };
  return new Set(result.rows.map((r) => r.event_id));
}

/** Takes back entries recorded earlier in the same transaction, for effects that did not happen. */
export async function forgetInInbox(
  tx: HandlerTransaction,
  consumer: string,
  entries: InboxEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const ids = entries.map((e) => e.eventId);
  await tx.execute(
    sql`delete from inbox where consumer = ${consumer} and event_id = any(${sql.param(ids)}::uuid[])`,
  );
}
