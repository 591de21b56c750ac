import { Type, type Static } from '@sinclair/typebox';
import {
  accessTokenConfigFields,
  baseConfigFields,
  eventBackboneConfigFields,
  loadConfig,
  trustedProxies,
  trustProxyHops,
} from '@portfolioos/service-kit/config';
import { objectStorageConfigFields } from '@portfolioos/storage';

const topic = (name: string) => Type.String({ minLength: 1, default: name });

export const configSchema = Type.Object({
  ...baseConfigFields,
  ...eventBackboneConfigFields,
  ...accessTokenConfigFields,
  ...objectStorageConfigFields,
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3006 }),
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
  /** The topics the upstream consumer reads (the catalog's; tests use their own). */
  ORGANIZATIONS_TOPIC: topic('identity.organization'),
  PROPERTIES_TOPIC: topic('listings.property'),
  UNITS_TOPIC: topic('listings.unit'),
  LEASES_TOPIC: topic('leasing.lease'),
  TENANTS_TOPIC: topic('leasing.tenant'),
  INVITATIONS_TOPIC: topic('identity.invitation'),
  MEMBERSHIPS_TOPIC: topic('identity.membership'),
  /** Consumer group of the upstream consumer; also its inbox name and dead-letter topic prefix. */
  UPSTREAM_GROUP_ID: Type.String({ minLength: 1, default: 'maintenance-upstream' }),
  /** Run the consumers in this process (off for an HTTP-only replica). */
  CONSUMERS_ENABLED: Type.Boolean({ default: true }),
  /** Browser origins that upload photos straight to object storage (CORS on the photos bucket). */
  UPLOAD_CORS_ORIGINS: Type.String({
    pattern: '^(https?://[^,\\s]+(,https?://[^,\\s]+)*)?$',
    default: '',
    description: 'comma-separated origins; empty = no browser uploads',
  }),
  /** How often each replica sweeps for SLA breaches (every replica may; each breach is emitted once). */
  SLA_SWEEP_INTERVAL_MS: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 60_000 }),
  /** Run the SLA breach detector in this process. */
  SLA_DETECTOR_ENABLED: Type.Boolean({ default: true }),
  /** How many days after completion the tenant may reopen a request. */
  REOPEN_WINDOW_DAYS: Type.Integer({ minimum: 0, maximum: 365, default: 14 }),
});

export type Config = Static<typeof configSchema>;

/** Reads the maintenance service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
