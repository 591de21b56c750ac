import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createDatabase, runMigrations, type DatabaseHandle } from '@portfolioos/db';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createThrowawayDatabase, stack, uniqueName, type ThrowawayDatabase } from '@portfolioos/testing';
import { buildIdentityApp } from '../../src/app.js';
import { readConfig, type Config } from '../../src/config.js';
import { KeyEncryption } from '../../src/crypto/key-encryption.js';
import { migrationsFolder } from '../../src/db/database.js';
import { SigningKeyStore } from '../../src/signing-keys/service.js';
import { TEST_INTERNAL_TOKEN } from './internal-token.js';

/** One identity database (migrated), Redis, signing keys; apps built on it share them. */
export interface IdentityHarness {
  database: ThrowawayDatabase;
  handle: DatabaseHandle<Record<string, never>>;
  /** Superuser pool on the same database: reads past row-level security for assertions. */
  admin: pg.Pool;
  redis: Redis;
  keys: SigningKeyStore;
  config: Config;
  app(t: Pick<TestContext, 'after'>, overrides?: Record<string, string>): Promise<ServiceApp>;
  close(): Promise<void>;
}

export async function createIdentityHarness(env: Record<string, string> = {}): Promise<IdentityHarness> {
  const database = await createThrowawayDatabase('identity_test');
  const handle = createDatabase({ url: database.url, poolMax: 5, applicationName: 'identity-test' });
  await runMigrations(handle.db, migrationsFolder);
  const admin = new pg.Pool({ connectionString: database.adminUrl, max: 2 });
  const redis = new Redis(stack.redisUrl);
  const configFor = (extra: Record<string, string>) =>
    readConfig({
      DATABASE_URL: database.url,
      REDIS_URL: stack.redisUrl,
      REDIS_KEY_PREFIX: uniqueName('identity-test'),
      SIGNING_KEY_ENCRYPTION_KEY: randomKek,
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      INTERNAL_API_TOKEN: TEST_INTERNAL_TOKEN,
      ...env,
      ...extra,
    });
  const config = configFor({});
  const keys = new SigningKeyStore(handle.db, new KeyEncryption(config.SIGNING_KEY_ENCRYPTION_KEY), {
    publishRetiredForSeconds: config.ACCESS_TOKEN_TTL_SECONDS + 60,
    rotateAfterDays: config.SIGNING_KEY_ROTATION_DAYS,
  });
  await keys.initialize();
  return {
    database,
    handle,
    admin,
    redis,
    keys,
    config,
    async app(t, overrides = {}) {
      const app = await buildIdentityApp(configFor(overrides), { db: handle.db, redis, keys, logger: false });
      t.after(() => app.close());
      await app.ready();
      return app;
    },
    async close() {
      redis.disconnect();
      await admin.end();
      await handle.close();
      await database.drop();
    },
  };
}

const randomKek = randomBytes(32).toString('base64');
