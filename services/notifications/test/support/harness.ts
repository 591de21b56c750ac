import { randomBytes } from 'node:crypto';
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
import { buildNotificationsApp } from '../../src/app.js';
import { readConfig, type Config } from '../../src/config.js';
import { migrationsFolder } from '../../src/db/database.js';

/** The secret the harness's apps sign and check unsubscribe links with. */
export const TEST_UNSUBSCRIBE_SECRET = randomBytes(32).toString('base64');

/** A migrated notifications database, an identity-like token signer, and apps built on them. */
export interface NotificationsHarness {
  database: ThrowawayDatabase;
  handle: DatabaseHandle<Record<string, never>>;
  /** Superuser pool on the same database: reads past row-level security for assertions. */
  admin: pg.Pool;
  config: Config;
  signer: TestTokenSigner;
  app(t: Pick<TestContext, 'after'>): Promise<ServiceApp>;
  close(): Promise<void>;
}

export async function createNotificationsHarness(): Promise<NotificationsHarness> {
  const database = await createThrowawayDatabase('notifications_test');
  const handle = createDatabase({ url: database.url, poolMax: 4, applicationName: 'notifications-test' });
  await runMigrations(handle.db, migrationsFolder);
  const admin = new pg.Pool({ connectionString: database.adminUrl, max: 2 });
  const signer = await createTestTokenSigner();
  const config = readConfig({
    DATABASE_URL: database.url,
    JWT_ISSUER: signer.issuer,
    JWT_AUDIENCE: signer.audience,
    LOG_LEVEL: 'silent',
    UNSUBSCRIBE_SIGNING_SECRET: TEST_UNSUBSCRIBE_SECRET,
  });
  return {
    database,
    handle,
    admin,
    config,
    signer,
    async app(t) {
      const app = await buildNotificationsApp(config, {
        db: handle.db,
        verificationKeys: signer.verificationKeys,
        logger: false,
      });
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
