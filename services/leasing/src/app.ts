import type { JWTVerifyGetKey } from 'jose';
import {
  authPlugin,
  buildApp,
  remoteJwks,
  type AppLogger,
  type ReadinessChecks,
  type ServiceApp,
} from '@portfolioos/service-kit';
import { applicationRoutes } from './applications/routes.js';
import { ApplicationService } from './applications/service.js';
import type { Config } from './config.js';
import { connectRoutes } from './esign/connect-routes.js';
import { ConnectService } from './esign/connect-service.js';
import { docusignESignature, type ESignature } from './esign/e-signature.js';
import { ReportEncryption } from './screening/envelope-encryption.js';
import type { ReportStore } from './screening/report-store.js';
import { screeningRoutes } from './screening/routes.js';
import { ScreeningService } from './screening/service.js';
import type { LeasingDb } from './db/database.js';
import { leaseRoutes, tenantLeaseRoutes } from './leases/routes.js';
import { LeaseService } from './leases/service.js';
import { tenantRoutes } from './tenants/routes.js';
import { TenantService } from './tenants/service.js';

/** What the leasing app runs on; runtime.ts opens them, tests pass their own. */
export interface LeasingDeps {
  db: LeasingDb;
  /** Keys that verify identity's access tokens; defaults to identity's JWKS at JWKS_URL (cached). */
  verificationKeys?: JWTVerifyGetKey;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
  /** The clock lifecycle rules read "today" from (in each property's time zone); tests set it. */
  now?: () => Date;
  /** Where sealed screening reports are kept (its bucket exists: runtime.ts ensures it at boot). */
  reportStore: ReportStore;
  /** E-signature provider; defaults to DocuSign's SDK at DOCUSIGN_BASE_PATH (Prism locally). */
  esign?: ESignature;
}

/** Builds (never listens) the leasing service's Fastify app. */
export async function buildLeasingApp(config: Config, deps: LeasingDeps): Promise<ServiceApp> {
  const esign =
    deps.esign ??
    docusignESignature({
      basePath: config.DOCUSIGN_BASE_PATH,
      accountId: config.DOCUSIGN_ACCOUNT_ID,
      accessToken: config.DOCUSIGN_ACCESS_TOKEN,
    });
  const leases = new LeaseService(deps.db, esign, deps.now);
  const screening = new ScreeningService(deps.db, {
    store: deps.reportStore,
    encryption: new ReportEncryption(config.SCREENING_REPORT_KEK, config.SCREENING_REPORT_KEK_ID),
    retentionDays: config.SCREENING_REPORT_RETENTION_DAYS,
    now: deps.now ?? (() => new Date()),
  });
  return buildApp({
    name: 'leasing',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: { title: 'PortfolioOS leasing' },
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
        { plugin: tenantRoutes(new TenantService(deps.db)), prefix: '/v1/tenants' },
        { plugin: tenantLeaseRoutes(leases), prefix: '/v1/tenants' },
        { plugin: leaseRoutes(leases), prefix: '/v1/leases' },
        {
          plugin: connectRoutes(new ConnectService(deps.db, config.DOCUSIGN_CONNECT_HMAC_KEY, deps.now)),
          prefix: '/v1/leases',
        },
        { plugin: applicationRoutes(new ApplicationService(deps.db, deps.now)), prefix: '/v1/applications' },
        { plugin: screeningRoutes(screening), prefix: '/v1/applications' },
      ],
    },
  });
}
