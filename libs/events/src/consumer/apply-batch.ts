import type { ApplyContext } from './apply-events.js';
import { freshRecords } from './apply-events.js';
import type { BatchHandler, ConsumedRecord, HandlerTransaction } from './consumed-event.js';
import { tracedChunk } from './chunk-span.js';
import { forgetInInbox, inboxEntry } from './inbox-rows.js';

/**
 * Applies a chunk through the batch handler inside one transaction: the fresh records go to it at once,
 * the inbox keeps only those it applied. Returns the records that failed, for the per-record path.
 */
export async function applyBatch<P extends object, TTx extends HandlerTransaction>(
  tx: TTx,
  records: ConsumedRecord<P>[],
  ctx: ApplyContext<P, TTx>,
  batchHandler: BatchHandler<P, TTx>,
): Promise<ConsumedRecord<P>[]> {
  const fresh = await freshRecords(tx, records, ctx);
  if (fresh.length === 0) return [];
  const outcomes = await tracedChunk(fresh, ctx.consumer, () => batchHandler(fresh, tx));
  if (outcomes.length !== fresh.length) {
    throw new Error(`batch handler reported ${outcomes.length} outcomes for ${fresh.length} records`);
  }
  const failed = fresh.filter((_, i) => !outcomes[i]!.ok);
  await forgetInInbox(tx, ctx.consumer, failed.flatMap(inboxEntry));
  for (const [i, record] of fresh.entries()) {
    if (!outcomes[i]!.ok) continue;
    const type = record.kind === 'event' ? record.event.type : 'tombstone';
    ctx.metrics?.consumed.inc({ group: ctx.consumer, event_type: type, outcome: 'applied' });
  }
  return failed;
}
