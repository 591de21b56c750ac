import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  createThrowawayDatabase,
  freePort,
  KAFKA_DOWN_BROKERS,
  stack,
  startServiceProcesses,
  uniqueName,
  type ThrowawayDatabase,
} from '@portfolioos/testing';
import { devEnvironment } from '@portfolioos/testing/dev-environment';
import { repositoryRoot } from './paths.js';

/** The fuzzer's shared secrets and where identity answers, handed to every service it boots. */
export interface FuzzEnvironment {
  internalToken: string;
  /** Base URL of the identity instance the fuzzer booted (its JWKS, its API-key introspection). */
  identityUrl?: string;
}

/** A service the fuzzer booted on its own port with its own throwaway database. */
export interface BootedService {
  name: string;
  url: string;
  database: ThrowawayDatabase;
  stop(): Promise<void>;
}

/** Every service under services/ with a server.ts: new services (and the template's) are fuzzed too. */
export function discoverServices(): string[] {
  const dir = join(repositoryRoot, 'services');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'src', 'server.ts')))
    .sort();
}

/**
 * Boots one service as `npm start` runs it (its server.ts in its own process), on the real stack but with
 * everything it owns made fresh: a throwaway database, a Redis key prefix, and the variables in `extra`.
 * Kafka is unreachable unless `extra` says otherwise, so fuzzed writes stay in the throwaway outbox and
 * never reach the shared topics other runs consume.
 */
export async function bootService(
  name: string,
  fuzz: FuzzEnvironment,
  extra: Record<string, string>,
  logDir: string,
): Promise<BootedService> {
  const database = await createThrowawayDatabase(`fuzz_${name}`, await devDatabaseExtensions(name));
  const port = await freePort();
  // The development environment `npm start` gives the service, with what the fuzzer owns put over it.
  const env: NodeJS.ProcessEnv = {
    ...(devEnvironment(name) as NodeJS.ProcessEnv),
    DATABASE_URL: database.url,
    HTTP_PORT: String(port),
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: KAFKA_DOWN_BROKERS,
    SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl,
    // A Redis database of its own: the fuzzer's rate-limit counters (keyed by client address, here
    // 127.0.0.1) never count against the limits of other runs on the shared Redis.
    REDIS_URL: `${stack.redisUrl}/${FUZZ_REDIS_DB}`,
    REDIS_KEY_PREFIX: uniqueName(`fuzz-${name}`),
    // The fuzzer sends thousands of requests a minute from one address: limits would answer most of them
    // 429 and hide what the handlers do.
    PUBLIC_RATE_LIMIT_MAX: '1000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    INTERNAL_API_TOKEN: fuzz.internalToken,
    SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...(fuzz.identityUrl
      ? {
          JWKS_URL: `${fuzz.identityUrl}/.well-known/jwks.json`,
          IDENTITY_INTROSPECTION_URL: `${fuzz.identityUrl}/internal/v1/api-keys/introspect`,
        }
      : {}),
    ...extra,
  };
  delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete env.OTEL_EXPORTER_ZIPKIN_ENDPOINT;
  try {
    const stop = await startServiceProcesses({ [name]: port }, { environment: () => env, logDir });
    return { name, url: `http://127.0.0.1:${port}`, database, stop };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** The Redis database index the fuzzer's services count in (the stack's other users stay on 0). */
const FUZZ_REDIS_DB = 9;

/**
 * The extensions deploy/local gave the service's own database (PostGIS for listings), so the throwaway
 * one matches it without the fuzzer knowing any service.
 */
async function devDatabaseExtensions(name: string): Promise<string[]> {
  const url = new URL(stack.postgresAdminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    const { rows } = await client.query<{ extname: string }>(
      "select extname from pg_extension where extname <> 'plpgsql'",
    );
    return rows.map((row) => row.extname);
  } catch {
    return []; // no local database for this service (yet): it needs no extension from the stack
  } finally {
    await client.end().catch(() => undefined);
  }
}
