import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { count, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@portfolioos/testing';
import {
  createDatabase,
  findUnforcedPolicyTables,
  forceRowLevelSecuritySql,
  runMigrations,
  withOrgTransaction,
  withTransaction,
  type DatabaseHandle,
} from '@portfolioos/db';
import { notes } from './fixtures/schema.js';

const migrationsFolder = fileURLToPath(new URL('./fixtures/migrations', import.meta.url));
const orgA = randomUUID();
const orgB = randomUUID();

describe('@portfolioos/db against real PostgreSQL', () => {
  let throwaway: ThrowawayDatabase;
  let handle: DatabaseHandle<Record<string, never>>;

  before(async () => {
    throwaway = await createThrowawayDatabase('db_lib');
    // One connection: proves org scope set in one transaction does not linger on the pooled connection.
    handle = createDatabase({ url: throwaway.url, poolMax: 1, applicationName: 'db-lib-test' });
    await runMigrations(handle.db, migrationsFolder);
  });

  after(async () => {
    await handle?.close();
    await throwaway?.drop();
  });

  test('migrations are idempotent and leave the org table forced under RLS', async () => {
    await runMigrations(handle.db, migrationsFolder);
    const applied = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    assert.equal(applied.rows[0]?.n, 2);
    assert.deepEqual(await findUnforcedPolicyTables(handle.db), []);
  });

  test('concurrent migrators serialise on the advisory lock', async () => {
    const other = createDatabase({ url: throwaway.url, poolMax: 1, applicationName: 'db-lib-test-2' });
    try {
      await Promise.all([
        runMigrations(handle.db, migrationsFolder),
        runMigrations(other.db, migrationsFolder),
      ]);
    } finally {
      await other.close();
    }
  });

  test('rows of one org are invisible and unwritable from another', async () => {
    const [noteA] = await withOrgTransaction(handle.db, orgA, (tx) =>
      tx.insert(notes).values({ orgId: orgA, body: 'A only' }).returning(),
    );
    assert.ok(noteA);

    const seenByB = await withOrgTransaction(handle.db, orgB, (tx) => tx.select().from(notes));
    assert.deepEqual(seenByB, []);

    const updatedByB = await withOrgTransaction(handle.db, orgB, (tx) =>
      tx.update(notes).set({ body: 'hijacked' }).where(eq(notes.id, noteA.id)).returning(),
    );
    assert.deepEqual(updatedByB, []);
    const deletedByB = await withOrgTransaction(handle.db, orgB, (tx) =>
      tx.delete(notes).where(eq(notes.id, noteA.id)).returning(),
    );
    assert.deepEqual(deletedByB, []);

    await assert.rejects(
      withOrgTransaction(handle.db, orgB, (tx) => tx.insert(notes).values({ orgId: orgA, body: 'forged' })),
      (error: unknown) => /row-level security/.test(causeMessage(error)),
    );

    const seenByA = await withOrgTransaction(handle.db, orgA, (tx) => tx.select().from(notes));
    assert.deepEqual(
      seenByA.map((n) => n.body),
      ['A only'],
    );
  });

  test('with no org set nothing is visible, even on a connection that had one before', async () => {
    await withOrgTransaction(handle.db, orgA, (tx) => tx.select().from(notes));
    const [visible] = await withTransaction(handle.db, (tx) => tx.select({ n: count() }).from(notes));
    assert.equal(visible?.n, 0);
    const [plain] = await handle.db.select({ n: count() }).from(notes);
    assert.equal(plain?.n, 0);

    const admin = new pg.Client({ connectionString: throwaway.adminUrl });
    await admin.connect();
    try {
      const total = await admin.query<{ n: number }>('select count(*)::int as n from notes');
      assert.ok((total.rows[0]?.n ?? 0) >= 1, 'the superuser still sees the rows, so they exist');
    } finally {
      await admin.end();
    }
  });

  test('a throw inside the transaction rolls it back', async () => {
    await assert.rejects(
      withOrgTransaction(handle.db, orgA, async (tx) => {
        await tx.insert(notes).values({ orgId: orgA, body: 'never committed' });
        throw new Error('boom');
      }),
      /boom/,
    );
    const rows = await withOrgTransaction(handle.db, orgA, (tx) =>
      tx.select().from(notes).where(eq(notes.body, 'never committed')),
    );
    assert.deepEqual(rows, []);
  });

  test('org id must be a UUID', async () => {
    await assert.rejects(
      withOrgTransaction(handle.db, "x' or true", async () => 1),
      TypeError,
    );
  });

  test('forceRowLevelSecuritySql quotes table names', () => {
    assert.equal(
      forceRowLevelSecuritySql(['a', 'we"ird']),
      'ALTER TABLE "a" FORCE ROW LEVEL SECURITY;\n--> statement-breakpoint\nALTER TABLE "we""ird" FORCE ROW LEVEL SECURITY;',
    );
  });
});

function causeMessage(error: unknown): string {
  // drizzle wraps driver errors; the PostgreSQL message is on the cause.
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' | ');
}
