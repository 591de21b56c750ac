import type { Redis } from 'ioredis';
import {
  authPlugin,
  buildApp,
  type AppLogger,
  type ReadinessChecks,
  type ServiceApp,
} from '@portfolioos/service-kit';
import { LoginGuard } from './abuse/login-guard.js';
import { PasswordGate } from './abuse/password-gate.js';
import { authRoutes } from './auth/routes.js';
import { AuthService } from './auth/service.js';
import { SignUpService } from './auth/sign-up.js';
import { TokenIssuer } from './sessions/token-issuer.js';
import type { Config } from './config.js';
import { PasswordHasher } from './crypto/passwords.js';
import type { IdentityDb } from './db/database.js';
import { jwksRoutes } from './signing-keys/routes.js';
import type { SigningKeyStore } from './signing-keys/service.js';
import { buildFeatureRoutes } from './feature-routes.js';

/** What the identity app runs on; server.ts opens them, tests pass their own. */
export interface IdentityDeps {
  db: IdentityDb;
  redis: Redis;
  keys: SigningKeyStore;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
}

/** Builds (never listens) the identity service's Fastify app. */
export async function buildIdentityApp(config: Config, deps: IdentityDeps): Promise<ServiceApp> {
  const issuer = new TokenIssuer(deps.keys, {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const passwords = new PasswordHasher({
    memoryCostKib: config.ARGON2_MEMORY_KIB,
    timeCost: config.ARGON2_TIME_COST,
    parallelism: config.ARGON2_PARALLELISM,
  });
  const guard = new LoginGuard(
    deps.redis,
    {
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
      attemptsPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
    },
    config.REDIS_KEY_PREFIX,
  );
  const gate = new PasswordGate(deps.db, passwords, guard);
  const refreshTtl = config.REFRESH_TOKEN_TTL_SECONDS;
  const auth = new AuthService(deps.db, issuer, gate, guard, refreshTtl);
  const signUps = new SignUpService(deps.db, issuer, passwords, guard, refreshTtl);
  const features = buildFeatureRoutes(config, deps.db, issuer, { passwords, gate, guard }, deps.keys);

  return buildApp({
    name: 'identity',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: {
      title: 'PortfolioOS identity',
      description: 'Organizations, people, roles, tokens, API keys.',
    },
    trustProxy: { hops: config.TRUST_PROXY_HOPS, proxies: config.TRUSTED_PROXIES },
    readiness: deps.readiness ?? {},
    plugins: {
      external: [
        authPlugin({
          accessTokens: {
            keys: deps.keys.verificationKeys,
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
          },
          apiKeys: { prefix: features.apiKeyPrefix, verify: features.verifyApiKey },
        }),
      ],
      routes: [
        jwksRoutes(deps.keys),
        { plugin: authRoutes(auth, signUps), prefix: '/v1/auth' },
        ...features.routes,
      ],
    },
  });
}
