import { Type } from '@sinclair/typebox';

// Config field groups a service spreads into its one schema (`Type.Object({ ...baseConfigFields,
// ...eventBackboneConfigFields, ... })`). Defaults point at the local stack (deploy/local), so `npm start`
// needs no environment; production sets every one of them.

const httpUrl = (defaultUrl: string, description?: string) =>
  Type.String({ pattern: '^https?://', default: defaultUrl, ...(description ? { description } : {}) });

/** Kafka and the Confluent-compatible schema registry: every service that publishes or consumes events. */
export const eventBackboneConfigFields = {
  /** Comma-separated host:port list. */
  KAFKA_BROKERS: Type.String({ minLength: 1, default: '127.0.0.1:9092' }),
  SCHEMA_REGISTRY_URL: httpUrl('http://127.0.0.1:8081/apis/ccompat/v7'),
};

/** The claims every access token carries: identity issues tokens with them, every service checks them. */
export const accessTokenClaimConfigFields = {
  JWT_ISSUER: Type.String({ minLength: 1, default: 'https://identity.portfolioos.local' }),
  JWT_AUDIENCE: Type.String({ minLength: 1, default: 'portfolioos' }),
};

/** Services that verify identity's access tokens locally against its published signing keys (cached). */
export const accessTokenConfigFields = {
  JWKS_URL: httpUrl('http://127.0.0.1:3001/.well-known/jwks.json'),
  ...accessTokenClaimConfigFields,
};

/** S3-compatible object storage (versitygw locally; any S3 endpoint in production). */
export const objectStorageConfigFields = {
  S3_ENDPOINT: httpUrl('http://127.0.0.1:7070'),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  S3_ACCESS_KEY_ID: Type.String({ minLength: 1, default: 'portfolioos' }),
  S3_SECRET_ACCESS_KEY: Type.String({ minLength: 1, default: 'portfolioos-local-secret' }),
  /** Buckets are `<prefix>-<purpose>` (e.g. portfolioos-leases), so environments sharing an endpoint stay apart. */
  S3_BUCKET_PREFIX: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,40}$', default: 'portfolioos' }),
  /** Path-style URLs (endpoint/bucket/key): what versitygw and most self-hosted S3 servers expect. */
  S3_FORCE_PATH_STYLE: Type.Boolean({ default: true }),
};

/** Stripe through its SDK; stripe-mock locally (stateless: tests sign their own webhook events). */
export const stripeConfigFields = {
  STRIPE_API_BASE_URL: httpUrl('http://127.0.0.1:12111'),
  STRIPE_SECRET_KEY: Type.String({ pattern: '^sk_', default: 'sk_test_portfolioos_local' }),
  /** Verifies Stripe-Signature on webhooks (whsec_…). */
  STRIPE_WEBHOOK_SECRET: Type.String({ pattern: '^whsec_', default: 'whsec_portfolioos_local' }),
};

/** Email through @sendgrid/mail; the project's SendGrid stand-in (delivering into mailpit) locally. */
export const sendgridConfigFields = {
  SENDGRID_API_BASE_URL: httpUrl('http://127.0.0.1:3025'),
  SENDGRID_API_KEY: Type.String({ minLength: 1, default: 'SG.portfolioos-local' }),
  SENDGRID_FROM_EMAIL: Type.String({
    pattern: '^[^@\\s]+@[^@\\s]+$',
    default: 'no-reply@portfolioos.example',
  }),
};

/** SMS through the twilio SDK; Prism on Twilio's OpenAPI spec locally. */
export const twilioConfigFields = {
  TWILIO_API_BASE_URL: httpUrl('http://127.0.0.1:4010'),
  TWILIO_ACCOUNT_SID: Type.String({ pattern: '^AC[0-9a-fA-F]{32}$', default: `AC${'0'.repeat(32)}` }),
  TWILIO_AUTH_TOKEN: Type.String({ minLength: 1, default: 'portfolioos-local' }),
  TWILIO_FROM_NUMBER: Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', default: '+15005550006' }),
};

/** E-signature through docusign-esign; Prism on the derived DocuSign subset locally. */
export const docusignConfigFields = {
  /** The SDK's basePath (…/restapi in production). */
  DOCUSIGN_BASE_PATH: httpUrl('http://127.0.0.1:4011/restapi'),
  DOCUSIGN_ACCOUNT_ID: Type.String({ minLength: 1, default: 'portfolioos-local' }),
  DOCUSIGN_ACCESS_TOKEN: Type.String({ minLength: 1, default: 'portfolioos-local' }),
};
