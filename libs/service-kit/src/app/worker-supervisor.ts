import type { FastifyBaseLogger } from 'fastify';
import type { BackgroundWorker } from './run-service.js';

/** A background worker being started (and restarted after a failed start) beside HTTP. */
export interface SupervisedWorker {
  name: string;
  /** Stops retrying; waits for a start in flight to settle, then stops the worker if it had started. */
  stop(): Promise<void>;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;

/**
 * Starts `worker` in the background. A failed start (its dependency is down at boot) is logged and
 * retried with capped exponential backoff until it succeeds or the service shuts down: the process stays
 * up and keeps serving HTTP instead of exiting, and the worker catches up once the dependency returns.
 */
export function superviseWorker(worker: BackgroundWorker, log: FastifyBaseLogger): SupervisedWorker {
  let stopping = false;
  let wake: (() => void) | undefined;
  const attempts = (async (): Promise<boolean> => {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await worker.start();
        log.info({ worker: worker.name }, 'background worker started');
        return true;
      } catch (err) {
        // Whatever the failed start did open (a producer, half a consumer) is released before the next try.
        await worker.stop().catch(() => undefined);
        if (stopping) return false;
        const delayMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
        log.error(
          { err, worker: worker.name, attempt, retry_in_ms: delayMs },
          'background worker failed to start',
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delayMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
    return false;
  })();
  return {
    name: worker.name,
    async stop() {
      stopping = true;
      wake?.();
      if (await attempts) await worker.stop();
    },
  };
}
