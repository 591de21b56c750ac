import type { TestContext } from 'node:test';
import pg from 'pg';
import { createDatabase, runMigrations, type DatabaseHandle } from '@portfolioos/db';
import type { ServiceApp } from '@portfolioos/service-kit';
import {
  createTestTokenSigner,
  createThrowawayDatabase,
  type TestTokenSigner,
  type ThrowawayDatabase,
} from '@portfolioos/testing';
import { buildListingsApp, type ListingsDeps } from '../../src/app.js';
import { readConfig, type Config } from '../../src/config.js';
import { migrationsFolder } from '../../src/db/database.js';

/** A migrated listings database on PostGIS, an identity-like signing key, and apps built on them. */
export interface ListingsHarness {
  database: ThrowawayDatabase;
  handle: DatabaseHandle<Record<string, never>>;
  /** Superuser pool on the same database: reads past row-level security for assertions. */
  admin: pg.Pool;
  config: Config;
  signer: TestTokenSigner;
  /** An access token as identity would issue it, for `roles` in organization `orgId`. */
  token(orgId: string, roles?: string[]): Promise<string>;
  app(t: Pick<TestContext, 'after'>, extra?: AppExtras): Promise<ServiceApp>;
  close(): Promise<void>;
}

/** Optional parts of a test app: config overrides and the rate-limit Redis. */
export interface AppExtras {
  config?: Partial<Config>;
  rateLimitRedis?: ListingsDeps['rateLimitRedis'];
}

export async function createListingsHarness(): Promise<ListingsHarness> {
  const database = await createThrowawayDatabase('listings', ['postgis']);
  const handle = createDatabase({ url: database.url, poolMax: 4, applicationName: 'listings-test' });
  await runMigrations(handle.db, migrationsFolder);
  const admin = new pg.Pool({ connectionString: database.adminUrl, max: 2 });
  const signer = await createTestTokenSigner();
  const config = readConfig({
    DATABASE_URL: database.url,
    JWT_ISSUER: signer.issuer,
    JWT_AUDIENCE: signer.audience,
    LOG_LEVEL: 'silent',
  });
  return {
    database,
    handle,
    admin,
    config,
    signer,
    token: (orgId, roles) => signer.staffToken(orgId, roles),
    async app(t, extra = {}) {
      const app = await buildListingsApp(
        { ...config, ...extra.config },
        {
          db: handle.db,
          verificationKeys: signer.verificationKeys,
          logger: false,
          ...(extra.rateLimitRedis ? { rateLimitRedis: extra.rateLimitRedis } : {}),
        },
      );
      t.after(() => app.close());
      await app.ready();
      return app;
    },
    async close() {
      await admin.end();
      await handle.close();
      await database.drop();
    },
  };
}
