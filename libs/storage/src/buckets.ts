import {
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { ObjectStorage } from './client.js';
import { bucketName, type StoragePurpose } from './purpose.js';

export interface EnsureBucketOptions {
  /** Origins (e.g. `https://app.portfolioos.example`) whose browsers upload and download directly. */
  readonly corsOrigins: readonly string[];
}

/** How long a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_S = 3600;

function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof S3ServiceException && statuses.includes(error.$metadata.httpStatusCode ?? 0);
}

/**
 * Creates the purpose's bucket when missing and (re)writes its CORS rules, so browsers can PUT to presigned
 * upload URLs and GET presigned downloads from the allowed origins only (none: no CORS). Idempotent;
 * returns the bucket name.
 */
export async function ensureBucket(
  storage: ObjectStorage,
  purpose: StoragePurpose,
  options: EnsureBucketOptions,
): Promise<string> {
  const bucket = bucketName(storage.bucketPrefix, purpose);
  try {
    await storage.s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
    try {
      await storage.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (createError) {
      // Another replica created it between our HEAD and CREATE.
      if (!isStatus(createError, 409)) throw createError;
    }
  }
  if (options.corsOrigins.length === 0) {
    // No browser origin: no cross-origin access at all (S3 refuses a rule without origins).
    await storage.s3.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
    return bucket;
  }
  await storage.s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [...options.corsOrigins],
            AllowedMethods: ['GET', 'HEAD', 'PUT'],
            // The headers signed into upload URLs, which the browser must send as they were signed.
            AllowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
            ExposeHeaders: ['etag'],
            MaxAgeSeconds: PREFLIGHT_MAX_AGE_S,
          },
        ],
      },
    }),
  );
  return bucket;
}
