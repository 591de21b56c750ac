import {
  runService,
  startService,
  type RunningService,
  type ServiceApp,
  type Telemetry,
} from '@portfolioos/service-kit';
import { composeService } from './compose-service.js';
import type { RuntimeConfig, ServiceDefinition } from './service-definition.js';

/**
 * The whole of a service's server.ts after telemetry: compose, listen, start the relay and consumers,
 * and on SIGTERM/SIGINT drain HTTP, stop the workers, close the clients and flush telemetry.
 */
export async function runServiceRuntime<C extends RuntimeConfig>(
  definition: ServiceDefinition<C>,
  telemetry?: Telemetry,
): Promise<ServiceApp> {
  const composed = await composeService(definition);
  await runService({
    name: definition.name,
    build: async () => composed.app,
    listen: { host: definition.config.HTTP_HOST, port: definition.config.HTTP_PORT },
    background: composed.background,
    resources: composed.resources,
    ...(telemetry ? { telemetry } : {}),
    graceMs: definition.config.SHUTDOWN_GRACE_MS,
    drainDelayMs: definition.config.SHUTDOWN_DRAIN_DELAY_MS,
  });
  return composed.app;
}

/** The same service in this process without signal handlers (tests boot a real runtime with it). */
export async function startServiceRuntime<C extends RuntimeConfig>(
  definition: ServiceDefinition<C>,
): Promise<RunningService & { app: ServiceApp }> {
  const composed = await composeService(definition);
  const running = await startService({
    name: definition.name,
    build: async () => composed.app,
    listen: { host: definition.config.HTTP_HOST, port: definition.config.HTTP_PORT },
    background: composed.background,
    resources: composed.resources,
    drainDelayMs: definition.config.SHUTDOWN_DRAIN_DELAY_MS,
  });
  return { ...running, app: composed.app };
}
