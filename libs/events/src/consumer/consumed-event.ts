import type { SQL } from 'drizzle-orm';
import type { EventEnvelope } from '../envelope.js';

/** An event as a handler sees it: envelope, decoded payload and where it came from. */
export interface ConsumedEvent<P extends object, T extends keyof P & string = keyof P & string> {
  envelope: EventEnvelope;
  type: T;
  key: string | null;
  payload: P[T];
  topic: string;
  partition: number;
  offset: string;
}

/**
 * A record with a null value on a compacted topic: "this key is gone". Tombstones written through
 * `enqueueTombstone` carry the envelope (so the inbox recognises redeliveries); bare ones from other
 * producers have none and are applied without the inbox (removing something twice is harmless).
 */
export interface ConsumedTombstone {
  key: string;
  envelope: EventEnvelope | null;
  topic: string;
  partition: number;
  offset: string;
}

/** What one Kafka record decodes to, in partition order. */
export type ConsumedRecord<P extends object> =
  { kind: 'event'; event: ConsumedEvent<P> } | { kind: 'tombstone'; tombstone: ConsumedTombstone };

/** A transaction handlers write their effects in; the inbox row goes in the same one. */
export interface HandlerTransaction {
  execute(query: SQL): Promise<unknown>;
}

/**
 * A database that opens such transactions (a drizzle database satisfies this). With `execute`, a
 * statement handler's chunk runs as one statement, which is atomic without begin and commit.
 */
export interface TransactionalDatabase<TTx extends HandlerTransaction> {
  transaction<R>(fn: (tx: TTx) => Promise<R>): Promise<R>;
  execute?(query: SQL): Promise<unknown>;
}

/** Applies one event's effect inside `tx`. Throwing rolls the effect back and retries the event. */
export type EventHandler<P extends object, T extends keyof P & string, TTx extends HandlerTransaction> = (
  event: ConsumedEvent<P, T>,
  tx: TTx,
) => Promise<void>;

/** Applies a tombstone inside `tx` (typically: delete the keyed aggregate's read model). */
export type TombstoneHandler<TTx extends HandlerTransaction> = (
  tombstone: ConsumedTombstone,
  tx: TTx,
) => Promise<void>;

/** One handler per event type the consumer cares about; other types on its topics are skipped. */
export type EventHandlers<P extends object, TTx extends HandlerTransaction> = {
  [T in keyof P & string]?: EventHandler<P, T, TTx>;
};

/** What a batch handler reports for one record it was given. */
export type BatchOutcome = { ok: true } | { ok: false; error: unknown };

/**
 * Applies the fresh records of a chunk at once (e.g. one bulk request to a store outside the database)
 * inside `tx`, and reports one outcome per record, in the order given. An optimisation of the
 * per-record handlers, never a replacement: it must have the same effect as running them in order.
 * Records reported failed (all of them, if it throws) are not recorded in the inbox and go through the
 * per-record path afterwards (bounded retries, then the dead-letter topic) — after the rest of their
 * chunk, so the handler must tolerate that reordering (versioned writes do) or fail the records of a
 * key that follow a failed one. `tx` carries no organization: records of a chunk may span several.
 */
export type BatchHandler<P extends object, TTx extends HandlerTransaction> = (
  records: ConsumedRecord<P>[],
  tx: TTx,
) => Promise<BatchOutcome[]>;

/**
 * Applies the records of a chunk as data-modifying statements that run in ONE statement with the
 * chunk's inbox insert (each becomes a `with` clause), so a chunk costs one round trip: no begin, no
 * separate inbox insert, no commit. `fresh` names the relation `(event_id uuid)` of the records that
 * were not in the inbox yet: the statements must apply only those (bare tombstones, which carry no
 * event id, are never in it and always apply). All clauses see the database as it was before the
 * statement, so a statement cannot read another's writes, and one row may be written only once (collapse
 * several events of one key to the last). Same contract as the per-record handlers otherwise: the same
 * effect as running them in order. If the statement fails, the chunk goes through the per-record path.
 */
export type StatementHandler<P extends object> = (records: ConsumedRecord<P>[], fresh: SQL) => SQL[];
