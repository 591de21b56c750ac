import { setTimeout as sleep } from 'node:timers/promises';
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Telemetry } from '../observability/telemetry.js';

/** Work that runs beside HTTP (outbox relay, Kafka consumers): started after listen, stopped after HTTP drains. */
export interface BackgroundWorker {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Something to close last, after the workers that use it (database pools, Redis clients). */
export interface Resource {
  name: string;
  close(): Promise<void>;
}

export interface RunServiceOptions {
  name: string;
  build: () => Promise<FastifyInstance>;
  listen: { host: string; port: number };
  background?: BackgroundWorker[];
  resources?: Resource[];
  telemetry?: Telemetry;
  /** Hard limit for the whole shutdown; past it the process exits 1. */
  graceMs?: number;
  /** How long /readyz answers 503 before the server stops accepting connections. */
  drainDelayMs?: number;
}

/**
 * The body of every server.ts: build, listen, start background workers; on SIGTERM/SIGINT drain and stop
 * everything in reverse order and exit 0; on an uncaught error do the same and exit 1.
 */
export async function runService(options: RunServiceOptions): Promise<FastifyInstance> {
  const app = await options.build();
  const started: BackgroundWorker[] = [];

  closeWithGrace(
    { delay: options.graceMs ?? 10_000, logger: { error: (message) => app.log.error(message) } },
    async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'fatal error, shutting down');
      else app.log.info({ signal }, 'shutting down');
      app.startDraining();
      await sleep(options.drainDelayMs ?? 0);
      // Waits for in-flight requests; new ones get 503 and keep-alive connections are closed.
      await app.close();
      for (const worker of started.reverse())
        await settle(app, `stopping ${worker.name}`, () => worker.stop());
      for (const resource of [...(options.resources ?? [])].reverse()) {
        await settle(app, `closing ${resource.name}`, () => resource.close());
      }
      app.log.info('shutdown complete');
      if (options.telemetry) await settle(app, 'flushing telemetry', () => options.telemetry!.shutdown());
    },
  );

  await app.listen(options.listen);
  for (const worker of options.background ?? []) {
    await worker.start();
    started.push(worker);
    app.log.info({ worker: worker.name }, 'background worker started');
  }
  return app;
}

// One component failing to stop must not keep the others from stopping.
async function settle(app: FastifyInstance, step: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    app.log.error({ err }, `${step} failed`);
  }
}
