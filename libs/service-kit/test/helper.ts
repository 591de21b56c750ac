import type { TestContext } from 'node:test';
import {
  buildApp,
  type BuildAppOptions,
  type ServiceApp,
  type ServicePlugin,
} from '@portfolioos/service-kit';

/** Builds a quiet app with `routes` as its route tier and closes it when the test ends. */
export async function buildTestApp(
  t: TestContext,
  routes: ServicePlugin,
  options: Partial<BuildAppOptions> = {},
): Promise<ServiceApp> {
  const app = await buildApp({
    name: 'test-service',
    version: '1.2.3',
    logger: false,
    ...options,
    plugins: { ...options.plugins, routes: [routes] },
  });
  t.after(() => app.close());
  await app.ready();
  return app;
}
