import { Type, type Static } from '@sinclair/typebox';
import {
  accessTokenClaimConfigFields,
  baseConfigFields,
  eventBackboneConfigFields,
  loadConfig,
  trustedProxies,
  trustProxyHops,
} from '@portfolioos/service-kit/config';

const base64Key = Type.String({
  pattern: '^[A-Za-z0-9+/]{43}=$',
  description: '32 random bytes, base64 (openssl rand -base64 32)',
});

export const configSchema = Type.Object({
  ...baseConfigFields,
  ...eventBackboneConfigFields,
  /** Identity issues the access tokens, with these claims (it serves the JWKS others verify against). */
  ...accessTokenClaimConfigFields,
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3001 }),
  REDIS_URL: Type.String({ pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' }),
  /** Namespace of every Redis key this service writes. */
  REDIS_KEY_PREFIX: Type.String({ minLength: 1, default: 'identity' }),
  /** Behind the ingress: trust X-Forwarded-For from it so rate limits see the client's address. */
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 3600, default: 600 }),
  REFRESH_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 300, default: 30 * 24 * 3600 }),
  /** Key-encryption key (AES-256-GCM) for signing keys at rest. */
  SIGNING_KEY_ENCRYPTION_KEY: base64Key,
  SIGNING_KEY_ROTATION_DAYS: Type.Integer({ minimum: 1, default: 30 }),
  /** argon2id cost; OWASP's minimum is m=19 MiB, t=2, p=1. */
  ARGON2_MEMORY_KIB: Type.Integer({ minimum: 8192, default: 19_456 }),
  ARGON2_TIME_COST: Type.Integer({ minimum: 1, default: 2 }),
  ARGON2_PARALLELISM: Type.Integer({ minimum: 1, default: 1 }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, default: 5 }),
  LOGIN_LOCKOUT_SECONDS: Type.Integer({ minimum: 1, default: 900 }),
  /** Login/token attempts per client address per minute. */
  AUTH_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
  INVITATION_TTL_HOURS: Type.Integer({ minimum: 1, default: 7 * 24 }),
  /**
   * Development only, until notifications mails accept links: the link an inviter mints may also create a
   * new account (the inviter stands in for the invitee's mailbox). Off (production), only the link the mail
   * service mints at /internal/v1 and delivers can: holding a link the inviter was given proves nothing
   * about the email. `npm start` on the local stack turns it on (libs/testing/src/dev-environment.mjs).
   */
  DEV_INVITER_LINKS_CREATE_ACCOUNTS: Type.Boolean({ default: false }),
  /**
   * Shared secret other services present (Authorization: Bearer) to identity's /internal/v1 endpoints, e.g.
   * API key introspection. Unset: those endpoints refuse everyone. Generate with `openssl rand -base64 32`.
   */
  INTERNAL_API_TOKEN: Type.Optional(Type.String({ minLength: 32 })),
  /** Where people open invitation links (the web app behind the ingress). */
  PUBLIC_BASE_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:8080' }),
});

export type Config = Static<typeof configSchema>;

/** Reads the identity service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
