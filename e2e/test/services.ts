import { startServiceProcesses, type StopServices } from '@portfolioos/testing';
import { devEnvironment } from '@portfolioos/testing/dev-environment';

/** Services as `npm start` runs them (own process, own database, dev secrets), stopped with SIGTERM. */
export function startServices(services: Record<string, number>): Promise<StopServices> {
  return startServiceProcesses(services, {
    environment: (name) => ({ ...(devEnvironment(name) as NodeJS.ProcessEnv), LOG_LEVEL: 'warn' }),
  });
}
