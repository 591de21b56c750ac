import type pg from 'pg';
import { createServiceRelay } from '@portfolioos/events';
import { listingsEvents } from '../../src/outbox.js';
import { startProgress } from './progress.js';

export interface DrainOptions {
  pool: pg.Pool;
  /** Run a relay here: the listings service is not running, so nobody else publishes the outbox. */
  runRelay: boolean;
  kafkaBrokers: string[];
  schemaRegistryUrl: string;
}

const quietLogger = {
  info: () => {},
  warn: (obj: object, msg?: string) => console.warn(msg ?? '', obj),
  error: (obj: object, msg?: string) => console.error(msg ?? '', obj),
};

/** Unsent outbox rows (every service's relay marks rows sent once Kafka has them). */
export async function outboxBacklog(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    'select count(*)::int as n from outbox where sent_at is null',
  );
  return rows[0]!.n;
}

/**
 * Waits, with a progress bar, until the listings outbox is published to Kafka. The listings service's
 * own relay does it when the service runs; otherwise this runs the same relay (createServiceRelay)
 * until the backlog is gone, so `npm run seed` never leaves events behind.
 */
export async function drainOutbox(options: DrainOptions): Promise<void> {
  const initial = await outboxBacklog(options.pool);
  if (initial === 0) return;
  const relay = options.runRelay
    ? createServiceRelay({
        service: 'listings',
        brokers: options.kafkaBrokers,
        schemaRegistryUrl: options.schemaRegistryUrl,
        pool: options.pool,
        events: listingsEvents,
        logger: quietLogger,
      })
    : undefined;
  await relay?.worker.start();
  const progress = startProgress('outbox → Kafka', initial, 'events');
  try {
    for (let left = initial; left > 0; left = await outboxBacklog(options.pool)) {
      progress.update(Math.max(0, initial - left));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    progress.update(initial);
  } finally {
    progress.stop();
    await relay?.worker.stop();
    await relay?.close();
  }
}
