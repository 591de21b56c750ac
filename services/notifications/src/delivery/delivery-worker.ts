import { pause } from '@portfolioos/events';
import type { BackgroundWorker } from '@portfolioos/service-kit';
import type { EventsLogger } from '@portfolioos/events';
import { deliverNotification, type DeliveryDeps } from './deliver-notification.js';
import { claimDueDeliveries } from './delivery-queue.js';

export interface DeliveryWorkerOptions {
  pollMs: number;
  claimMs: number;
  /** Deliveries claimed per round (handed over concurrently). */
  batchSize?: number;
  logger: EventsLogger;
}

/**
 * Sends due e-mail and SMS: claims a batch, hands each to its provider, records the outcome, and goes
 * round again at once while there is work, else after `pollMs`. Every replica can run one.
 */
export function deliveryWorker(deps: DeliveryDeps, options: DeliveryWorkerOptions): BackgroundWorker {
  const stopping = new AbortController();
  let loop: Promise<void> | undefined;
  const round = async () => {
    const claimed = await claimDueDeliveries(deps.db, options.batchSize ?? 20, options.claimMs);
    await Promise.all(claimed.map((claim) => deliverNotification(deps, claim)));
    return claimed.length;
  };
  const run = async () => {
    while (!stopping.signal.aborted) {
      const handled = await round().catch((error: unknown) => {
        // The database is down or a write failed: the claims lapse and the rows come due again.
        options.logger.warn({ err: error }, 'delivery round failed; retrying');
        return 0;
      });
      if (handled === 0) await pause(options.pollMs, stopping.signal);
    }
  };
  return {
    name: 'notification delivery',
    start: async () => {
      loop = run();
    },
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}
