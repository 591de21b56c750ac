import type { BackgroundWorker } from '@portfolioos/service-kit';

/**
 * A background worker running `sweep` right after start and then every `intervalMs`; a failed sweep is
 * logged and the next one tries again. Stopping waits for a sweep in progress.
 */
export function intervalWorker(options: {
  name: string;
  intervalMs: number;
  sweep: () => Promise<unknown>;
  logger: { error(obj: object, msg: string): void };
}): BackgroundWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = options
      .sweep()
      .catch((error: unknown) => options.logger.error({ err: error }, `${options.name} sweep failed`));
  };
  return {
    name: options.name,
    start: async () => {
      tick();
      timer = setInterval(tick, options.intervalMs);
      timer.unref();
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
