import { Type, type Static } from '@sinclair/typebox';
import { loadConfig } from '@portfolioos/service-kit/config';

// Defaults are the local stack's (@portfolioos/testing/dev-environment): `npm run seed` works with no setup.
export const seedConfigSchema = Type.Object({
  /** The listings database, as the listings role (row-level security applies to the bulk seeder too). */
  DATABASE_URL: Type.String({
    pattern: '^postgres(ql)?://',
    default: 'postgres://listings:listings@127.0.0.1:5432/listings',
  }),
  IDENTITY_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:3001' }),
  LISTINGS_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:3002' }),
  KAFKA_BROKERS: Type.String({ minLength: 1, default: '127.0.0.1:9092' }),
  SCHEMA_REGISTRY_URL: Type.String({
    pattern: '^https?://',
    default: 'http://127.0.0.1:8081/apis/ccompat/v7',
  }),
});

export type SeedConfig = Static<typeof seedConfigSchema>;

/** Reads the seeders' configuration once. */
export const readSeedConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<SeedConfig> =>
  loadConfig(seedConfigSchema, env);
