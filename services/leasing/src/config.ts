import { Type, type Static } from '@sinclair/typebox';
import {
  accessTokenConfigFields,
  baseConfigFields,
  docusignConfigFields,
  eventBackboneConfigFields,
  loadConfig,
  trustedProxies,
  trustProxyHops,
} from '@portfolioos/service-kit/config';
import { objectStorageConfigFields } from '@portfolioos/storage';

const base64Key = Type.String({
  pattern: '^[A-Za-z0-9+/]{43}=$',
  description: '32 random bytes, base64 (openssl rand -base64 32)',
});

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
  INVITATIONS_TOPIC: Type.String({ minLength: 1, default: 'identity.invitation' }),
  /** Consumer group of the upstream consumer; also its inbox name and dead-letter topic prefix. */
  UPSTREAM_GROUP_ID: Type.String({ minLength: 1, default: 'leasing-upstream' }),
  ...objectStorageConfigFields,
  ...docusignConfigFields,
  /** The HMAC key of the DocuSign Connect configuration: every notification's signature is checked with it. */
  DOCUSIGN_CONNECT_HMAC_KEY: Type.String({ minLength: 32 }),
  /** Key-encryption key (AES-256-GCM) sealing each screening report's data key; from a Secret. */
  SCREENING_REPORT_KEK: base64Key,
  /** Names the KEK reports are sealed under (stored with each), so a rotation can tell old from new. */
  SCREENING_REPORT_KEK_ID: Type.String({ pattern: '^[A-Za-z0-9._-]{1,40}$', default: 'v1' }),
  /** Days a screening report is kept; the retention worker deletes it after (FCRA advises two years). */
  SCREENING_REPORT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 730 }),
  /** How often the retention worker looks for expired reports. */
  SCREENING_RETENTION_SWEEP_SECONDS: Type.Integer({ minimum: 1, default: 3600 }),
  /** How often the lease clock starts and ends leases whose date has come (in their property's zone). */
  LEASE_CLOCK_INTERVAL_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  /** Run the consumers in this process (off for an HTTP-only replica). */
  CONSUMERS_ENABLED: Type.Boolean({ default: true }),
});

export type Config = Static<typeof configSchema>;

/** Reads the leasing service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
