import { Type, type Static } from '@sinclair/typebox';
import {
  accessTokenConfigFields,
  baseConfigFields,
  eventBackboneConfigFields,
  loadConfig,
  sendgridConfigFields,
  trustedProxies,
  trustProxyHops,
  twilioConfigFields,
} from '@portfolioos/service-kit/config';

export const configSchema = Type.Object({
  ...baseConfigFields,
  ...eventBackboneConfigFields,
  ...accessTokenConfigFields,
  ...sendgridConfigFields,
  ...twilioConfigFields,
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3007 }),
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
  /** Display name on outgoing e-mail (the organization's name is added per message). */
  SENDGRID_FROM_NAME: Type.String({ minLength: 1, default: 'PortfolioOS' }),
  /**
   * Prepended to every catalog topic the domain consumer reads (`identity.user` → `<prefix>identity.user`);
   * empty in production, unique per test run so parallel tests never share topics.
   */
  TOPIC_PREFIX: Type.String({ default: '' }),
  /** Consumer group of the domain-event consumer; also its inbox name and dead-letter topic prefix. */
  EVENTS_GROUP_ID: Type.String({ minLength: 1, default: 'notifications-events' }),
  /** Run the consumer and the delivery worker in this process (off for an HTTP-only replica). */
  CONSUMERS_ENABLED: Type.Boolean({ default: true }),
  /** identity's base URL for its /internal/v1 endpoints (minting invitation accept links). */
  IDENTITY_INTERNAL_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:3001' }),
  /** The shared service token identity's /internal/v1 endpoints accept (identity's INTERNAL_API_TOKEN). */
  INTERNAL_API_TOKEN: Type.Optional(Type.String({ minLength: 32 })),
  /** Where people open links from messages (the web app behind the ingress). */
  PUBLIC_BASE_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:8080' }),
  /** Routed events older than this notify nobody (a new consumer group replays the whole history). */
  NOTIFY_MAX_EVENT_AGE_HOURS: Type.Integer({ minimum: 1, default: 72 }),
  /**
   * Signs one-click unsubscribe links (HMAC). Unset: e-mails carry no unsubscribe link and the
   * unsubscribe endpoint refuses every token. Generate with `openssl rand -base64 32`.
   */
  UNSUBSCRIBE_SIGNING_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  /** How long an unsubscribe link works. */
  UNSUBSCRIBE_LINK_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 60 }),
  /** The public URL Twilio posts inbound SMS to (its signature covers the URL); default from PUBLIC_BASE_URL. */
  TWILIO_INBOUND_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** How often the delivery worker looks for due deliveries, in ms (it is also nudged after each event). */
  DELIVERY_POLL_MS: Type.Integer({ minimum: 10, default: 1_000 }),
  /** First retry delay after a provider error; doubles per attempt up to DELIVERY_RETRY_MAX_MS. */
  DELIVERY_RETRY_MIN_MS: Type.Integer({ minimum: 1, default: 5_000 }),
  DELIVERY_RETRY_MAX_MS: Type.Integer({ minimum: 1, default: 15 * 60_000 }),
  /** Provider errors (5xx, 429, refused requests) tolerated before a delivery is marked failed. */
  DELIVERY_MAX_ATTEMPTS: Type.Integer({ minimum: 1, default: 6 }),
  /**
   * How long a claimed delivery stays invisible to other workers; a worker that dies mid-send leaves it
   * to be picked up again after this (at-least-once towards the provider).
   */
  DELIVERY_CLAIM_MS: Type.Integer({ minimum: 1_000, default: 60_000 }),
});

export type Config = Static<typeof configSchema>;

/** Reads the notifications service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
