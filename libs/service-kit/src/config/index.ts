// Entry point `@portfolioos/service-kit/config`: TypeBox only, so server.ts can read config before telemetry
// starts without loading Fastify (and node:http) too early.
export {
  baseConfigFields,
  baseConfigSchema,
  LogLevel,
  partnerApiKeyConfigFields,
  rateLimitConfigFields,
  trustedProxies,
  trustProxyHops,
} from './base-config.js';
export {
  accessTokenClaimConfigFields,
  accessTokenConfigFields,
  docusignConfigFields,
  eventBackboneConfigFields,
  objectStorageConfigFields,
  sendgridConfigFields,
  stripeConfigFields,
  twilioConfigFields,
} from './field-groups.js';
export { ConfigError } from './config-error.js';
export { loadConfig } from './load-config.js';
