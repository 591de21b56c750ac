import type { TestContext } from 'node:test';
import pg from 'pg';
import { createDatabase, runMigrations, type DatabaseHandle } from '@portfolioos/db';
import type { ServiceApp } from '@portfolioos/service-kit';
import {
  stack,
  createTestTokenSigner,
  createThrowawayDatabase,
  type TestTokenSigner,
  type ThrowawayDatabase,
} from '@portfolioos/testing';
import { randomBytes } from 'node:crypto';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createObjectStorage } from '@portfolioos/storage';
import { buildLeasingApp } from '../../src/app.js';
import { ReportStore } from '../../src/screening/report-store.js';
import { readConfig, type Config } from '../../src/config.js';
import { migrationsFolder } from '../../src/db/database.js';

/** A migrated leasing database, an identity-like token signer, and apps built on them. */
export interface LeasingHarness {
  database: ThrowawayDatabase;
  handle: DatabaseHandle<Record<string, never>>;
  /** Superuser pool on the same database: reads past row-level security for assertions. */
  admin: pg.Pool;
  config: Config;
  signer: TestTokenSigner;
  /** The environment the config was read from (a runtime test starts the service with it). */
  env: Record<string, string>;
  /** Screening reports' store, in a bucket of this harness only. */
  reportStore: ReportStore;
  /** An app on the harness database; `now` fixes the clock lifecycle rules read "today" from. */
  app(t: Pick<TestContext, 'after'>, options?: { now?: () => Date }): Promise<ServiceApp>;
  /** A property (in `timeZone`) and a unit of `orgId`, as the upstream consumer would have stored them. */
  seedUnit(orgId: string, timeZone?: string): Promise<{ unitId: string; propertyId: string }>;
  /** A listing of a new unit of `orgId` as listings' snapshots would have left it (active by default). */
  seedListing(
    orgId: string,
    options?: { status?: string; rentMinor?: number; unitId?: string },
  ): Promise<{ listingId: string; unitId: string; propertyId: string }>;
  close(): Promise<void>;
}

export async function createLeasingHarness(): Promise<LeasingHarness> {
  const database = await createThrowawayDatabase('leasing_test');
  const handle = createDatabase({ url: database.url, poolMax: 6, applicationName: 'leasing-test' });
  await runMigrations(handle.db, migrationsFolder);
  const admin = new pg.Pool({ connectionString: database.adminUrl, max: 2 });
  const signer = await createTestTokenSigner();
  const env = {
    DATABASE_URL: database.url,
    JWT_ISSUER: signer.issuer,
    JWT_AUDIENCE: signer.audience,
    LOG_LEVEL: 'silent',
    S3_ENDPOINT: stack.s3.endpoint,
    S3_REGION: stack.s3.region,
    S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
    // A bucket of this harness only, emptied and removed by close().
    S3_BUCKET_PREFIX: `leasing-test-${randomBytes(4).toString('hex')}-`,
    SCREENING_REPORT_KEK: randomBytes(32).toString('base64'),
    DOCUSIGN_CONNECT_HMAC_KEY: randomBytes(32).toString('base64'),
  };
  const config = readConfig(env);
  const storage = createObjectStorage(config);
  const reportStore = new ReportStore(storage);
  await reportStore.ensureBucket();
  const harness: LeasingHarness = {
    database,
    handle,
    admin,
    config,
    signer,
    env,
    reportStore,
    async app(t, options = {}) {
      const app = await buildLeasingApp(config, {
        db: handle.db,
        verificationKeys: signer.verificationKeys,
        logger: false,
        reportStore,
        ...(options.now ? { now: options.now } : {}),
      });
      t.after(() => app.close());
      await app.ready();
      return app;
    },
    async seedUnit(orgId, timeZone = 'America/Chicago') {
      const propertyId = crypto.randomUUID();
      const unitId = crypto.randomUUID();
      await admin.query(
        `insert into properties (id, org_id, name, time_zone, as_of) values ($1, $2, 'Maple Court', $3, now())`,
        [propertyId, orgId, timeZone],
      );
      await admin.query(
        `insert into units (id, org_id, property_id, label, as_of) values ($1, $2, $3, '2B', now())`,
        [unitId, orgId, propertyId],
      );
      return { unitId, propertyId };
    },
    async seedListing(orgId, options = {}) {
      const { unitId, propertyId } = options.unitId
        ? { unitId: options.unitId, propertyId: crypto.randomUUID() }
        : await harness.seedUnit(orgId);
      const listingId = crypto.randomUUID();
      await admin.query(
        `insert into listings (id, org_id, unit_id, property_id, status, title, rent_minor, currency, version)
         values ($1, $2, $3, $4, $5, 'Sunny 2BR on Maple', $6, 'USD', 1)`,
        [listingId, orgId, unitId, propertyId, options.status ?? 'active', options.rentMinor ?? 150_000],
      );
      return { listingId, unitId, propertyId };
    },
    async close() {
      await admin.end();
      await handle.close();
      await database.drop();
      const bucket = reportStore.bucket;
      const listed = await storage.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      const objects = (listed.Contents ?? []).map((o) => ({ Key: o.Key! }));
      if (objects.length > 0)
        await storage.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }));
      await storage.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
      storage.destroy();
    },
  };
  return harness;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The subject (user id) of a token the harness signed. */
export const subjectOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
