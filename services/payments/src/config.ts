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
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3005 }),
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
  /** identity's organization topic the organizations consumer reads (the catalog's; tests use their own). */
  ORGANIZATIONS_TOPIC: Type.String({ minLength: 1, default: 'identity.organization' }),
  /** Consumer group of the organizations consumer; also its inbox name and dead-letter topic prefix. */
  ORGANIZATIONS_GROUP_ID: Type.String({ minLength: 1, default: 'payments-organizations' }),
  /** leasing's lease topic the lease projection reads. */
  LEASES_TOPIC: Type.String({ minLength: 1, default: 'leasing.lease' }),
  /** Consumer group of the lease projection; also its inbox name and dead-letter topic prefix. */
  LEASES_GROUP_ID: Type.String({ minLength: 1, default: 'payments-leases' }),
  /** How often the automatic rent run passes over every lease (it posts only what is due and unposted). */
  RENT_RUN_INTERVAL_MS: Type.Integer({ minimum: 1_000, default: 3_600_000 }),
  /** Run the automatic rent run in this process (any number of replicas may). */
  RENT_RUN_ENABLED: Type.Boolean({ default: true }),
  /** Run the consumers in this process (off for an HTTP-only replica). */
  CONSUMERS_ENABLED: Type.Boolean({ default: true }),
});

export type Config = Static<typeof configSchema>;

/** Reads the payments service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
