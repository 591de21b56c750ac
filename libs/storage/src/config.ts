import { Type, type Static } from '@sinclair/typebox';

/**
 * Object storage settings, spread into a service's config schema (`Type.Object({...objectStorageConfigFields})`).
 * The endpoint defaults to the local stack's versitygw (deploy/local), like the other local-stack defaults;
 * credentials have no default: `npm start` passes the local ones, production reads them from a Secret.
 */
export const objectStorageConfigFields = {
  /** S3 API endpoint, e.g. `https://s3.eu-central-1.amazonaws.com` or an S3-compatible server. */
  S3_ENDPOINT: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:7070' }),
  /**
   * The endpoint browsers reach for presigned URLs when it differs from S3_ENDPOINT (an in-cluster
   * address vs the public one). The host is part of the signature, so URLs cannot be rewritten after signing.
   */
  S3_PUBLIC_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  /** Static credentials; both unset means the SDK's default chain (web identity, instance role, …). */
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** Path-style URLs (endpoint/bucket/key): what most S3-compatible servers need; AWS takes either. */
  S3_FORCE_PATH_STYLE: Type.Boolean({ default: true }),
  /** Prepended to every bucket name, so environments sharing one account do not collide. */
  S3_BUCKET_PREFIX: Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$', maxLength: 40, default: 'portfolioos-' }),
};

export const objectStorageConfigSchema = Type.Object(objectStorageConfigFields);

export type ObjectStorageConfig = Static<typeof objectStorageConfigSchema>;
