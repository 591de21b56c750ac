import { Redis } from 'ioredis';
import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { buildIdentityApp } from './app.js';
import type { Config } from './config.js';
import { KeyEncryption } from './crypto/key-encryption.js';
import { migrationsFolder } from './db/database.js';
import { identityEvents } from './outbox.js';
import { keyRefreshWorker } from './signing-keys/key-refresh-worker.js';
import { SigningKeyStore } from './signing-keys/service.js';

/** The identity process: its database, Redis (login guard), signing keys, the outbox relay, key refresh. */
export function identityService(config: Config): ServiceDefinition<Config> {
  let keys: SigningKeyStore | undefined;
  return {
    name: 'identity',
    version: '0.1.0',
    config,
    migrationsFolder,
    publishes: identityEvents,
    async build(rt) {
      const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
      rt.resource('redis', redis, (client) => client.quit());
      await redis.connect();
      keys = new SigningKeyStore(rt.database.db, new KeyEncryption(config.SIGNING_KEY_ENCRYPTION_KEY), {
        publishRetiredForSeconds: config.ACCESS_TOKEN_TTL_SECONDS + 60,
        rotateAfterDays: config.SIGNING_KEY_ROTATION_DAYS,
      });
      await keys.initialize();
      return buildIdentityApp(config, {
        db: rt.database.db,
        redis,
        keys,
        logger: rt.logger,
        // Login and lockouts count in Redis: without it identity cannot serve.
        readiness: { ...rt.readiness, redis: () => redis.ping() },
      });
    },
    workers: () => (keys ? [keyRefreshWorker(keys)] : []),
  };
}
