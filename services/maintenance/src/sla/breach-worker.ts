import type { BackgroundWorker } from '@portfolioos/service-kit';
import type { MaintenanceDb } from '../db/database.js';
import { detectSlaBreaches } from './breach-detector.js';

export interface SlaWorkerOptions {
  db: MaintenanceDb;
  intervalMs: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * Sweeps for SLA breaches every `intervalMs` on every replica (the detector itself makes that safe);
 * stop() waits for a sweep in flight, so a shutdown never cuts one in half.
 */
export function slaBreachWorker(options: SlaWorkerOptions): BackgroundWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const now = options.now ?? (() => new Date());
  const sweep = () => {
    if (running) return; // the previous sweep is still going
    running = detectSlaBreaches(options.db, now())
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => (running = undefined));
  };
  return {
    name: 'sla breach detector',
    start: async () => {
      sweep();
      timer = setInterval(sweep, options.intervalMs);
      timer.unref();
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
