import type { StartServiceOptions } from '@portfolioos/service-kit';
import { buildWebApp } from './app.js';
import type { Config } from './config.js';

/** The web process as service-kit runs it (server.ts) and tests start it (startService). */
export function webService(config: Config): StartServiceOptions {
  return {
    name: 'web',
    build: () => buildWebApp(config),
    listen: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS,
  };
}
