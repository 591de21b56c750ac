import type { JWTVerifyGetKey } from 'jose';
import {
  authPlugin,
  buildApp,
  remoteJwks,
  type AppLogger,
  type ReadinessChecks,
  type ServiceApp,
} from '@portfolioos/service-kit';
import type { Config } from './config.js';
import type { __Pascal__Db } from './db/database.js';
import { noteRoutes } from './notes/routes.js';
import { NoteService } from './notes/service.js';

/** What the __name__ app runs on; runtime.ts opens them, tests pass their own. */
export interface __Pascal__Deps {
  db: __Pascal__Db;
  /** Keys that verify identity's access tokens; defaults to identity's JWKS at JWKS_URL (cached). */
  verificationKeys?: JWTVerifyGetKey;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
}

/** Builds (never listens) the __name__ service's Fastify app. */
export async function build__Pascal__App(config: Config, deps: __Pascal__Deps): Promise<ServiceApp> {
  return buildApp({
    name: '__name__',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: { title: 'PortfolioOS __name__' },
    trustProxy: { hops: config.TRUST_PROXY_HOPS, proxies: config.TRUSTED_PROXIES },
    readiness: deps.readiness ?? {},
    plugins: {
      external: [
        authPlugin({
          accessTokens: {
            keys: deps.verificationKeys ?? remoteJwks(config.JWKS_URL),
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
          },
        }),
      ],
      routes: [{ plugin: noteRoutes(new NoteService(deps.db)), prefix: '/v1/__name__/notes' }],
    },
  });
}
