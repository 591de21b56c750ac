import { Type, type Static } from '@sinclair/typebox';
import {
  accessTokenConfigFields,
  baseConfigFields,
  eventBackboneConfigFields,
  loadConfig,
  partnerApiKeyConfigFields,
  rateLimitConfigFields,
  trustedProxies,
  trustProxyHops,
} from '@portfolioos/service-kit/config';

export const configSchema = Type.Object({
  ...baseConfigFields,
  ...eventBackboneConfigFields,
  ...accessTokenConfigFields,
  ...rateLimitConfigFields,
  ...partnerApiKeyConfigFields,
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3002 }),
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
  /** Leasing's lease topic the leasing consumer reads (the catalog's; tests use their own). */
  LEASES_TOPIC: Type.String({ minLength: 1, default: 'leasing.lease' }),
  /** Consumer group of the leasing consumer; also its inbox consumer name and dead-letter topic prefix. */
  LEASING_GROUP_ID: Type.String({ minLength: 1, default: 'listings-leasing' }),
  /** Run the leasing consumer in this process (off for an HTTP-only replica). */
  LEASING_CONSUMER_ENABLED: Type.Boolean({ default: true }),
  /** Largest page a public search returns (a map never needs more than ~500 points). */
  SEARCH_MAX_LIMIT: Type.Integer({ minimum: 1, maximum: 1000, default: 500 }),
});

export type Config = Static<typeof configSchema>;

/** Reads the listings service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
