import type { BackgroundWorker } from '@portfolioos/service-kit';
import type { LeasingDb } from '../db/database.js';
import { intervalWorker } from '../interval-worker.js';
import { applyDueLeaseDates } from './lease-clock.js';

/**
 * Runs the lease clock every `intervalMs` (and right after start), so each lease starts and ends within
 * one interval of midnight in its property's time zone, whichever replica gets there first.
 */
export function leaseClockWorker(options: {
  db: LeasingDb;
  intervalMs: number;
  logger: { error(obj: object, msg: string): void };
}): BackgroundWorker {
  return intervalWorker({
    name: 'lease clock',
    intervalMs: options.intervalMs,
    logger: options.logger,
    sweep: () => applyDueLeaseDates(options.db, new Date()),
  });
}
