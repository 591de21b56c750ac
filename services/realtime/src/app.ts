import type { JWTVerifyGetKey } from 'jose';
import type { Redis } from 'ioredis';
import {
  buildApp,
  remoteJwks,
  type AppLogger,
  type ReadinessChecks,
  type ServiceApp,
} from '@portfolioos/service-kit';
import type { Config } from './config.js';
import { accessTokenVerifier } from './gateway/handshake-auth.js';
import { gatewayPlugin } from './gateway/gateway-plugin.js';

/** What the realtime app runs on; runtime.ts opens them, tests pass their own. */
export interface RealtimeDeps {
  redis: Redis;
  /** Keys that verify identity's access tokens; defaults to identity's JWKS at JWKS_URL (cached). */
  verificationKeys?: JWTVerifyGetKey;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
}

/** Builds (never listens) the realtime service's Fastify app with its socket.io gateway. */
export async function buildRealtimeApp(config: Config, deps: RealtimeDeps): Promise<ServiceApp> {
  const verify = accessTokenVerifier({
    keys: deps.verificationKeys ?? remoteJwks(config.JWKS_URL),
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  return buildApp({
    name: 'realtime',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: {
      title: 'PortfolioOS realtime',
      description: `socket.io 4 gateway at ${config.SOCKET_IO_PATH} (see services/realtime/README.md); HTTP serves health, readiness and metrics.`,
    },
    trustProxy: { hops: config.TRUST_PROXY_HOPS, proxies: config.TRUSTED_PROXIES },
    readiness: { redis: () => deps.redis.ping(), ...deps.readiness },
    plugins: {
      external: [
        gatewayPlugin({
          path: config.SOCKET_IO_PATH,
          redis: deps.redis,
          redisPrefix: config.SOCKET_IO_REDIS_PREFIX,
          streamMaxLen: config.SOCKET_IO_STREAM_MAX_LEN,
          recoveryMaxDisconnectMs: config.RECOVERY_MAX_DISCONNECT_MS,
          verify,
          viewports: { perSocket: config.VIEWPORTS_PER_SOCKET, maxTiles: config.VIEWPORT_MAX_TILES },
          backpressure: {
            maxBufferedBytes: config.SOCKET_MAX_BUFFERED_BYTES,
            maxQueuedPackets: config.SOCKET_MAX_QUEUED_PACKETS,
          },
        }),
      ],
    },
  });
}
