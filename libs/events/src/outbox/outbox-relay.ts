import type { Producer } from 'kafkajs';
import type pg from 'pg';
import { backoffDelay } from '../backoff.js';
import { envelopeToHeaders } from '../envelope.js';
import type { EventsMetrics } from '../events-metrics.js';
import type { AvroSerde } from '../serde/avro-serde.js';
import { RelayLeadership } from './relay-leadership.js';
import { storedTombstone } from './tombstone-payload.js';

/** Minimal logger shape (pino's) so the relay logs through the service's logger. */
export interface EventsLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OutboxRelayOptions {
  pool: pg.Pool;
  producer: Producer;
  serde: AvroSerde;
  /** Service name, sent as the `source` header. */
  source: string;
  logger: EventsLogger;
  metrics?: EventsMetrics;
  batchSize?: number;
  /** How often an idle relay looks for new rows (default 50 ms); `nudge()` wakes it sooner. */
  pollIntervalMs?: number;
  /** How long published rows stay in the outbox for inspection before the relay deletes them (default 24 h). */
  sentRetentionMs?: number;
}

interface OutboxRow {
  id: string;
  event_id: string;
  event_type: string;
  topic: string;
  key: string;
  payload: unknown;
  organization_id: string | null;
  occurred_at: Date;
  traceparent: string | null;
  tracestate: string | null;
}

// A standby relay checks this often whether the leader is gone; a failing one backs off between these.
const STANDBY_RETRY_MS = 5000;
const FAILURE_RETRY_MIN_MS = 500;
const FAILURE_RETRY_MAX_MS = 30_000;
const BACKLOG_METRIC_EVERY_MS = 5000;
const PRUNE_EVERY_MS = 60_000;
const PRUNE_ROWS_PER_STATEMENT = 10_000;

/**
 * Publishes outbox rows in id order and marks them sent. One relay per database publishes at a time
 * (a PostgreSQL advisory lock elects it), which keeps per-aggregate order without row locks. A crash
 * after publishing and before marking re-publishes those rows: consumers' inboxes absorb duplicates.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly leadership: RelayLeadership;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private backlogMeasuredAt = 0;
  private prunedAt = 0;
  private producerConnected = false;
  /** A nudge that came while a batch was in flight: the next sleep returns at once. */
  private nudged = false;
  private polling = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.leadership = new RelayLeadership(options.pool);
  }

  /**
   * Starts relaying in the background and returns at once. The producer is connected by the relay's
   * loop, so a relay started while Kafka (or the database) is down keeps retrying with backoff; the
   * rows wait in the outbox meanwhile and nothing is lost.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops and releases leadership. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.leadership.release();
  }

  /** Wakes an idle relay now, e.g. right after a transaction that enqueued events has committed. */
  nudge(): void {
    this.nudged = true;
    // Only an idle poll is cut short: a standby or failure backoff keeps its pace.
    if (this.polling) this.wake?.();
  }

  /**
   * Publishes one batch of unsent rows and marks them sent; returns how many were published.
   * `afterPublish` runs between the two steps (tests use it to stand for a crash there).
   */
  async relayBatch(afterPublish?: (eventIds: string[]) => Promise<void>): Promise<number> {
    const { rows } = await this.options.pool.query<OutboxRow>(
      `select id, event_id, event_type, topic, key, payload, organization_id, occurred_at, traceparent, tracestate
         from outbox where sent_at is null order by id limit $1`,
      [this.batchSize],
    );
    if (rows.length === 0) return 0;
    await this.publish(rows);
    await afterPublish?.(rows.map((r) => r.event_id));
    await this.options.pool.query('update outbox set sent_at = now() where id = any($1::bigint[])', [
      rows.map((r) => r.id),
    ]);
    this.options.metrics?.outboxPublished.inc({ source: this.options.source }, rows.length);
    return rows.length;
  }

  /**
   * Deletes published rows older than the retention, oldest first, in bounded statements; returns how
   * many. Rows are published in id order, so the oldest sent rows are the start of the primary key.
   */
  async pruneSent(): Promise<number> {
    const retention = `${this.options.sentRetentionMs ?? 24 * 3_600_000} milliseconds`;
    let deleted = 0;
    for (;;) {
      const { rowCount } = await this.options.pool.query(
        `delete from outbox where id in (
           select id from outbox where sent_at is not null and sent_at < now() - $1::interval
            order by id limit ${PRUNE_ROWS_PER_STATEMENT})`,
        [retention],
      );
      deleted += rowCount ?? 0;
      if ((rowCount ?? 0) < PRUNE_ROWS_PER_STATEMENT || !this.running) return deleted;
    }
  }

  /** Rows not yet published (the backlog metric). */
  async backlog(): Promise<number> {
    const { rows } = await this.options.pool.query<{ n: string }>(
      'select count(*) as n from outbox where sent_at is null',
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    // Consecutive rows of one topic go in one request; topic runs stay in id order.
    const runs: {
      topic: string;
      messages: { key: string; value: Buffer | null; headers: Record<string, string> }[];
    }[] = [];
    for (const row of rows) {
      // A tombstone (enqueueTombstone) goes out as a null value, which compaction understands.
      const tombstone = storedTombstone(row.payload);
      const value = tombstone ? null : await this.options.serde.encode(row.event_type, row.payload);
      const headers = envelopeToHeaders({
        eventId: row.event_id,
        eventType: row.event_type,
        source: this.options.source,
        occurredAt: new Date(row.occurred_at),
        organizationId: row.organization_id,
        traceparent: row.traceparent,
        tracestate: row.tracestate,
        aggregateVersion: tombstone?.version ?? null,
      });
      const last = runs.at(-1);
      const message = { key: row.key, value, headers };
      if (last && last.topic === row.topic) last.messages.push(message);
      else runs.push({ topic: row.topic, messages: [message] });
    }
    await this.options.producer.sendBatch({ topicMessages: runs, acks: -1 });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!(await this.leadership.acquire())) {
          await this.sleep(STANDBY_RETRY_MS);
          continue;
        }
        // kafkajs' connect is idempotent; after a failure it reconnects a producer that lost Kafka.
        if (!this.producerConnected) {
          await this.options.producer.connect();
          this.producerConnected = true;
        }
        const published = await this.relayBatch();
        failures = 0;
        await this.refreshBacklogMetric();
        if (Date.now() - this.prunedAt >= PRUNE_EVERY_MS) {
          this.prunedAt = Date.now();
          await this.pruneSent();
        }
        if (published < this.batchSize) await this.poll();
      } catch (error) {
        this.producerConnected = false;
        const retryInMs = backoffDelay(failures++, FAILURE_RETRY_MIN_MS, FAILURE_RETRY_MAX_MS);
        this.options.logger.error(
          { err: error, failures, retryInMs },
          'outbox relay batch failed; the rows stay in the outbox and are retried',
        );
        await this.sleep(retryInMs);
      }
    }
  }

  // Counting the backlog costs a scan of the unsent rows, so it is done every few seconds, not per poll.
  private async refreshBacklogMetric(): Promise<void> {
    if (!this.options.metrics || Date.now() - this.backlogMeasuredAt < BACKLOG_METRIC_EVERY_MS) return;
    this.backlogMeasuredAt = Date.now();
    this.options.metrics.outboxBacklog.set({ source: this.options.source }, await this.backlog());
  }

  // Rows committed (and nudged about) while the last batch was in flight are picked up now, not a poll later.
  private async poll(): Promise<void> {
    if (this.nudged) {
      this.nudged = false;
      return;
    }
    this.polling = true;
    try {
      await this.sleep(this.pollIntervalMs);
    } finally {
      this.polling = false;
      this.nudged = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
