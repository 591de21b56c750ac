import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import {
  baseConfigFields,
  loadConfig,
  trustedProxies,
  trustProxyHops,
} from '@portfolioos/service-kit/config';

// The web service owns no database and publishes no events: of the base fields it takes the HTTP,
// logging, tracing and shutdown ones only.
const { DATABASE_URL: _database, DATABASE_POOL_MAX: _pool, ...httpFields } = baseConfigFields;

/** The Vite build's output beside src/ (or dist/ in the image): services/web/dist/client. */
const builtClient = fileURLToPath(new URL('../dist/client', import.meta.url));

export const configSchema = Type.Object({
  ...httpFields,
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3000 }),
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
  /** The listings service, read by the server-rendered listing pages (its public routes only). */
  LISTINGS_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:3002' }),
  /** Identity, which the web service fronts as the browser's session endpoint (src/session/). */
  IDENTITY_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:3001' }),
  /** Where the public reaches the app; the canonical URL of listing pages and their JSON-LD. */
  PUBLIC_BASE_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:8080' }),
  /**
   * A MapLibre style URL (vector tiles from any provider) for production. Empty: the offline basemap
   * built into the client (country and state boundaries), which fetches nothing from the internet.
   */
  MAP_STYLE_URL: Type.String({ default: '' }),
  /** The built client (vite build): index.html, .vite/manifest.json and assets/. */
  CLIENT_DIR: Type.String({ minLength: 1, default: builtClient }),
});

export type Config = Static<typeof configSchema>;

/** Reads the web service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
