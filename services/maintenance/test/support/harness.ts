import type { TestContext } from 'node:test';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import pg from 'pg';
import { createDatabase, runMigrations, type DatabaseHandle } from '@portfolioos/db';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createObjectStorage, ensureBucket, type ObjectStorage } from '@portfolioos/storage';
import {
  createTestTokenSigner,
  createThrowawayDatabase,
  stack,
  uniqueName,
  type TestTokenSigner,
  type ThrowawayDatabase,
} from '@portfolioos/testing';
import { buildMaintenanceApp } from '../../src/app.js';
import { readConfig, type Config } from '../../src/config.js';
import { migrationsFolder } from '../../src/db/database.js';
import { requestPhotosPurpose } from '../../src/photos/purpose.js';

/** A migrated maintenance database, a throwaway photos bucket, a token signer, and apps built on them. */
export interface MaintenanceHarness {
  database: ThrowawayDatabase;
  handle: DatabaseHandle<Record<string, never>>;
  /** Superuser pool on the same database: reads past row-level security for assertions and seeding. */
  admin: pg.Pool;
  config: Config;
  signer: TestTokenSigner;
  storage: ObjectStorage;
  /** An app on the harness database; `now` fixes the clock. */
  app(t: Pick<TestContext, 'after'>, options?: { now?: () => Date }): Promise<ServiceApp>;
  close(): Promise<void>;
}

export async function createMaintenanceHarness(): Promise<MaintenanceHarness> {
  const database = await createThrowawayDatabase('maintenance_test');
  const handle = createDatabase({ url: database.url, poolMax: 6, applicationName: 'maintenance-test' });
  await runMigrations(handle.db, migrationsFolder);
  const admin = new pg.Pool({ connectionString: database.adminUrl, max: 2 });
  const signer = await createTestTokenSigner();
  const config = readConfig({
    DATABASE_URL: database.url,
    JWT_ISSUER: signer.issuer,
    JWT_AUDIENCE: signer.audience,
    LOG_LEVEL: 'silent',
    S3_ENDPOINT: stack.s3.endpoint,
    S3_REGION: stack.s3.region,
    S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
    S3_BUCKET_PREFIX: `${uniqueName('t')}-`,
  });
  const storage = createObjectStorage(config);
  const bucket = await ensureBucket(storage, requestPhotosPurpose, { corsOrigins: [] });
  return {
    database,
    handle,
    admin,
    config,
    signer,
    storage,
    async app(t, options = {}) {
      const app = await buildMaintenanceApp(config, {
        db: handle.db,
        storage,
        verificationKeys: signer.verificationKeys,
        logger: false,
        ...(options.now ? { now: options.now } : {}),
      });
      t.after(() => app.close());
      await app.ready();
      return app;
    },
    async close() {
      const listed = await storage.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      const keys = (listed.Contents ?? []).map(({ Key }) => ({ Key }));
      if (keys.length > 0)
        await storage.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
      await storage.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
      storage.destroy();
      await admin.end();
      await handle.close();
      await database.drop();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The subject (user id) of a token the harness signed. */
export const subjectOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;

type Headers = Record<string, string>;

/** JSON POSTs and GETs on an app, as a caller with `headers`. */
export const callsOn = (app: ServiceApp) => ({
  post: (url: string, headers: Headers, payload: object = {}) =>
    app.inject({ method: 'POST', url, headers, payload }),
  get: (url: string, headers: Headers) => app.inject({ url, headers }),
});
