import fastifyStatic from '@fastify/static';
import type { ServicePlugin } from '@portfolioos/service-kit';

/**
 * /assets/*: Vite's output, every name carrying its content hash, so a year-long immutable cache is safe
 * (a new build makes new names, and the no-cache shell points at them). The build writes .br/.gz beside
 * each large file; those are sent to clients that accept them.
 */
export function assetRoutes(assetsDir: string): ServicePlugin {
  return async (app) => {
    await app.register(fastifyStatic, {
      root: assetsDir,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      dotfiles: 'deny',
      preCompressed: true,
      decorateReply: false,
      // Not in the OpenAPI document: files, not API.
      schemaHide: true,
    });
  };
}
