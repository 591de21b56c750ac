import { setTimeout as sleep } from 'node:timers/promises';
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Telemetry } from '../observability/telemetry.js';
import { superviseWorker, type SupervisedWorker } from './worker-supervisor.js';

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

export interface StartServiceOptions {
  name: string;
  build: () => Promise<FastifyInstance>;
  listen: { host: string; port: number };
  background?: BackgroundWorker[];
  /** Closed in reverse order, after the workers have stopped. */
  resources?: Resource[];
  /** How long /readyz answers 503 before the server stops accepting connections. */
  drainDelayMs?: number;
}

export interface RunServiceOptions extends StartServiceOptions {
  telemetry?: Telemetry;
  /** Hard limit for the whole shutdown; past it the process exits 1. */
  graceMs?: number;
}

/** A listening service: its app, where it listens, and the ordered shutdown. */
export interface RunningService {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:3002 */
  url: string;
  /** Drains HTTP, stops the workers (reverse order), closes the resources (reverse order). */
  close(): Promise<void>;
}

/**
 * Builds, listens, then starts the background workers without waiting for them: a worker whose start
 * fails (Kafka down at boot) is retried with backoff while HTTP serves, so no dependency of a worker
 * can keep the service from answering.
 */
export async function startService(options: StartServiceOptions): Promise<RunningService> {
  const app = await options.build();
  await app.listen(options.listen);
  const workers: SupervisedWorker[] = (options.background ?? []).map((worker) =>
    superviseWorker(worker, app.log),
  );
  let closing: Promise<void> | undefined;
  const close = async () => {
    app.startDraining();
    await sleep(options.drainDelayMs ?? 0);
    // Waits for in-flight requests; new ones get 503 and keep-alive connections are closed.
    await app.close();
    for (const worker of [...workers].reverse())
      await settle(app, `stopping ${worker.name}`, () => worker.stop());
    for (const resource of [...(options.resources ?? [])].reverse())
      await settle(app, `closing ${resource.name}`, () => resource.close());
    app.log.info('shutdown complete');
  };
  return { app, url: listeningUrl(app), close: () => (closing ??= close()) };
}

/**
 * The body of every server.ts: startService, and on SIGTERM/SIGINT drain and stop everything in reverse
 * order and exit 0; on an uncaught error do the same and exit 1.
 */
export async function runService(options: RunServiceOptions): Promise<FastifyInstance> {
  // Signals can arrive while the service is still starting: there is then nothing to close yet.
  const state: { running?: RunningService } = {};
  closeWithGrace(
    { delay: options.graceMs ?? 10_000, logger: { error: (message) => console.error(message) } },
    async ({ signal, err }) => {
      const log = state.running?.app.log;
      if (err) log?.error({ err }, 'fatal error, shutting down');
      else log?.info({ signal }, 'shutting down');
      await state.running?.close();
      if (options.telemetry) await options.telemetry.shutdown().catch(() => undefined);
    },
  );
  state.running = await startService(options);
  return state.running.app;
}

function listeningUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

// One component failing to stop must not keep the others from stopping.
async function settle(app: FastifyInstance, step: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    app.log.error({ err }, `${step} failed`);
  }
}
