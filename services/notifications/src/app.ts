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
import type { NotificationsDb } from './db/database.js';
import { inboxRoutes } from './inbox/routes.js';
import { InboxService } from './inbox/service.js';
import { preferenceRoutes } from './preferences/routes.js';
import { PreferenceService } from './preferences/service.js';
import { unsubscribeTokensFromConfig } from './preferences/unsubscribe-links.js';
import { smsReplyRoutes } from './sms-replies/routes.js';

/** What the notifications app runs on; runtime.ts opens them, tests pass their own. */
export interface NotificationsDeps {
  db: NotificationsDb;
  /** Keys that verify identity's access tokens; defaults to identity's JWKS at JWKS_URL (cached). */
  verificationKeys?: JWTVerifyGetKey;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
}

/** Builds (never listens) the notifications service's Fastify app. */
export async function buildNotificationsApp(config: Config, deps: NotificationsDeps): Promise<ServiceApp> {
  return buildApp({
    name: 'notifications',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: { title: 'PortfolioOS notifications' },
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
        { plugin: inboxRoutes(new InboxService(deps.db)), prefix: '/v1/notifications' },
        {
          plugin: smsReplyRoutes(deps.db, {
            authToken: config.TWILIO_AUTH_TOKEN,
            webhookUrl:
              config.TWILIO_INBOUND_WEBHOOK_URL ?? `${config.PUBLIC_BASE_URL}/v1/notifications/sms/inbound`,
          }),
          prefix: '/v1/notifications',
        },
        {
          plugin: preferenceRoutes(new PreferenceService(deps.db, unsubscribeTokensFromConfig(config))),
          prefix: '/v1/preferences',
        },
      ],
    },
  });
}
