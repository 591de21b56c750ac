import type { JWTVerifyGetKey } from 'jose';
import {
  authPlugin,
  buildApp,
  remoteJwks,
  type AppLogger,
  type ReadinessChecks,
  type ServiceApp,
} from '@portfolioos/service-kit';
import type { ObjectStorage } from '@portfolioos/storage';
import type { Config } from './config.js';
import { commentRoutes } from './comments/routes.js';
import { CommentService } from './comments/service.js';
import type { MaintenanceDb } from './db/database.js';
import { photoRoutes } from './photos/routes.js';
import { PhotoService } from './photos/service.js';
import { requestRoutes } from './requests/routes.js';
import { RequestService } from './requests/service.js';
import { RequestTransitions } from './requests/transitions.js';
import { slaPolicyRoutes, SlaPolicyService } from './sla/routes.js';
import { vendorRoutes } from './vendors/routes.js';
import { VendorService } from './vendors/service.js';
import { workOrderRoutes } from './work-orders/routes.js';
import { WorkOrderService } from './work-orders/service.js';
import { WorkOrderUpdates } from './work-orders/updates.js';

/** What the maintenance app runs on; runtime.ts opens them, tests pass their own. */
export interface MaintenanceDeps {
  db: MaintenanceDb;
  /** Object storage holding request photos (its bucket ensured at boot). */
  storage: ObjectStorage;
  /** Keys that verify identity's access tokens; defaults to identity's JWKS at JWKS_URL (cached). */
  verificationKeys?: JWTVerifyGetKey;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
  /** The clock tenancies, SLAs and the reopen window read; tests set it. */
  now?: () => Date;
}

/** Builds (never listens) the maintenance service's Fastify app. */
export async function buildMaintenanceApp(config: Config, deps: MaintenanceDeps): Promise<ServiceApp> {
  const now = deps.now ?? (() => new Date());
  const requests = new RequestService(deps.db, now);
  const transitions = new RequestTransitions(deps.db, now, config.REOPEN_WINDOW_DAYS);
  return buildApp({
    name: 'maintenance',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: { title: 'PortfolioOS maintenance' },
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
      routes: [
        { plugin: slaPolicyRoutes(new SlaPolicyService(deps.db)), prefix: '/v1/maintenance-requests' },
        { plugin: requestRoutes(requests, transitions), prefix: '/v1/maintenance-requests' },
        { plugin: commentRoutes(new CommentService(deps.db)), prefix: '/v1/maintenance-requests' },
        { plugin: photoRoutes(new PhotoService(deps.db, deps.storage)), prefix: '/v1/maintenance-requests' },
        { plugin: vendorRoutes(new VendorService(deps.db)), prefix: '/v1/vendors' },
        {
          plugin: workOrderRoutes(new WorkOrderService(deps.db, now), new WorkOrderUpdates(deps.db, now)),
          prefix: '/v1/work-orders',
        },
      ],
    },
  });
}
