import { Type, type Static } from '@sinclair/typebox';
import {
  accessTokenConfigFields,
  baseConfigFields,
  eventBackboneConfigFields,
  loadConfig,
  trustedProxies,
  trustProxyHops,
} from '@portfolioos/service-kit/config';

export const configSchema = Type.Object({
  ...baseConfigFields,
  ...eventBackboneConfigFields,
  ...accessTokenConfigFields,
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3004 }),
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
  /** The topics the upstream consumer reads (the catalog's; tests use their own). */
  ORGANIZATIONS_TOPIC: Type.String({ minLength: 1, default: 'identity.organization' }),
  PROPERTIES_TOPIC: Type.String({ minLength: 1, default: 'listings.property' }),
  UNITS_TOPIC: Type.String({ minLength: 1, default: 'listings.unit' }),
  LISTINGS_TOPIC: Type.String({ minLength: 1, default: 'listings.listing' }),
  /** Consumer group of the upstream consumer; also its inbox name and dead-letter topic prefix. */
  UPSTREAM_GROUP_ID: Type.String({ minLength: 1, default: 'leasing-upstream' }),
  /** Run the consumers in this process (off for an HTTP-only replica). */
  CONSUMERS_ENABLED: Type.Boolean({ default: true }),
});

export type Config = Static<typeof configSchema>;

/** Reads the leasing service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
