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
import type { PaymentsDb } from './db/database.js';
import { chargeRoutes } from './charges/routes.js';
import { ChargeService } from './charges/service.js';
import { ledgerViewRoutes } from './ledger-views/routes.js';
import { LedgerViewService } from './ledger-views/service.js';
import { paymentRoutes } from './payments/routes.js';
import { PaymentService } from './payments/service.js';

/** What the payments app runs on; runtime.ts opens them, tests pass their own. */
export interface PaymentsDeps {
  db: PaymentsDb;
  /** Keys that verify identity's access tokens; defaults to identity's JWKS at JWKS_URL (cached). */
  verificationKeys?: JWTVerifyGetKey;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
}

/** Builds (never listens) the payments service's Fastify app. */
export async function buildPaymentsApp(config: Config, deps: PaymentsDeps): Promise<ServiceApp> {
  return buildApp({
    name: 'payments',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: { title: 'PortfolioOS payments' },
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
        { plugin: chargeRoutes(new ChargeService(deps.db)), prefix: '/v1/charges' },
        { plugin: paymentRoutes(new PaymentService(deps.db)), prefix: '/v1/payments' },
        { plugin: ledgerViewRoutes(new LedgerViewService(deps.db)), prefix: '/v1/ledger' },
      ],
    },
  });
}
