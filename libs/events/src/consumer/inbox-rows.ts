import { sql } from 'drizzle-orm';
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

/** Inserts the entries once (`on conflict do nothing`); returns the event ids that were not there yet. */
export async function recordInInbox(
  tx: HandlerTransaction,
  consumer: string,
  entries: InboxEntry[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set<string>();
  const rows = sql.join(
    entries.map((e) => sql`(${consumer}, ${e.eventId}::uuid, ${e.type})`),
    sql`, `,
  );
  const result = (await tx.execute(
    sql`insert into inbox (consumer, event_id, event_type) values ${rows} on conflict do nothing returning event_id`,
  )) as { rows: { event_id: string }[] };
  return new Set(result.rows.map((r) => r.event_id));
}

/** Takes back entries recorded earlier in the same transaction, for effects that did not happen. */
export async function forgetInInbox(
  tx: HandlerTransaction,
  consumer: string,
  entries: InboxEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const ids = sql.join(
    entries.map((e) => sql`${e.eventId}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`delete from inbox where consumer = ${consumer} and event_id in (${ids})`);
}
