import type { ServicePlugin } from '@portfolioos/service-kit';
import type { ClientBuild } from '../client-build/client-build.js';
import { CLIENT_PATHS } from '../shared/client-paths.js';
import { withRuntimeConfig, type RuntimeConfig } from './runtime-config.js';

/**
 * The HTML shell of the client-side pages. `no-cache`: browsers revalidate it on every visit, so a deploy's
 * new hashed assets are picked up at once while the assets themselves stay cached for a year.
 */
export function appShellRoutes(client: ClientBuild, runtime: RuntimeConfig): ServicePlugin {
  const html = withRuntimeConfig(client.shellHtml, runtime);
  return async (app) => {
    for (const path of CLIENT_PATHS) {
      app.get(path, { schema: { hide: true } }, async (_request, reply) =>
        reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html),
      );
    }
  };
}
