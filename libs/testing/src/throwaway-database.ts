import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { stack } from './stack.js';

/** A fresh database owned by a fresh non-superuser login role, so row-level security applies to it. */
export interface ThrowawayDatabase {
  /** Connection URL as the owning (non-superuser) role. */
  url: string;
  /** Connection URL as the superuser, for assertions that must bypass row-level security. */
  adminUrl: string;
  name: string;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(
  prefix = 'test',
  extensions: string[] = [],
): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: stack.postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD '${name}'`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
  } finally {
    await admin.end();
  }
  const adminUrl = withDatabase(stack.postgresAdminUrl, name);
  if (extensions.length > 0) {
    const db = new pg.Client({ connectionString: adminUrl });
    await db.connect();
    try {
      for (const ext of extensions) await db.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
    } finally {
      await db.end();
    }
  }
  const url = new URL(adminUrl);
  url.username = name;
  url.password = name;
  return {
    url: url.toString(),
    adminUrl,
    name,
    async drop() {
      const c = new pg.Client({ connectionString: stack.postgresAdminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${name}`);
      } finally {
        await c.end();
      }
    },
  };
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}
