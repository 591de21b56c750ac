import { sql } from 'drizzle-orm';
import { handledRecords, type ApplyContext } from './apply-events.js';
import { tracedChunk } from './chunk-span.js';
import type {
  ConsumedRecord,
  HandlerTransaction,
  StatementHandler,
  TransactionalDatabase,
} from './consumed-event.js';
import { inboxEntry, inboxInsert } from './inbox-rows.js';

// The relation of the chunk's new event ids, as the handler's statements see it.
const FRESH = sql.raw('inbox_fresh');

/**
 * Applies a chunk through the statement handler as one statement: the inbox insert and the handler's
 * effects in `with` clauses, atomic without a transaction (one round trip). Throws what the statement
 * threw, so the caller can tell an outage from the chunk's own failure.
 */
export async function applyStatement<P extends object, TTx extends HandlerTransaction>(
  db: TransactionalDatabase<TTx>,
  records: ConsumedRecord<P>[],
  ctx: ApplyContext<P, TTx>,
  handler: StatementHandler<P>,
): Promise<void> {
  const handled = onceEach(handledRecords(records, ctx), ctx);
  if (handled.length === 0) return;
  const effects = handler(handled, FRESH).map((effect, i) => sql`, ${sql.raw(`effect_${i}`)} as (${effect})`);
  const statement = sql`with ${FRESH} as (${inboxInsert(ctx.consumer, handled.flatMap(inboxEntry))})${sql.join(effects)}
    select event_id from ${FRESH}`;
  const result = (await tracedChunk(handled, ctx.consumer, () =>
    db.execute ? db.execute(statement) : db.transaction((tx) => tx.execute(statement)),
  )) as { rows: { event_id: string }[] };
  const fresh = new Set(result.rows.map((r) => r.event_id));
  for (const record of handled) {
    const entry = inboxEntry(record)[0];
    const outcome = !entry || fresh.has(entry.eventId) ? 'applied' : 'duplicate';
    const type = entry?.type ?? 'tombstone';
    ctx.metrics?.consumed.inc({ group: ctx.consumer, event_type: type, outcome });
  }
}

// An event id twice in one chunk (a re-publish landing next to its original) is applied once.
function onceEach<P extends object, TTx extends HandlerTransaction>(
  records: ConsumedRecord<P>[],
  ctx: ApplyContext<P, TTx>,
): ConsumedRecord<P>[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const entry = inboxEntry(record)[0];
    if (!entry) return true;
    if (seen.has(entry.eventId)) {
      ctx.metrics?.consumed.inc({ group: ctx.consumer, event_type: entry.type, outcome: 'duplicate' });
      return false;
    }
    seen.add(entry.eventId);
    return true;
  });
}
