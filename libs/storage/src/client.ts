import { S3Client } from '@aws-sdk/client-s3';
import type { ObjectStorageConfig } from './config.js';

/** The S3 clients a service needs: one for its own calls, one whose endpoint browsers can reach for presigning. */
export interface ObjectStorage {
  readonly s3: S3Client;
  readonly presigner: S3Client;
  readonly bucketPrefix: string;
  destroy(): void;
}

function s3Client(config: ObjectStorageConfig, endpoint: string): S3Client {
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
    throw new Error('set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  }
  const credentials =
    config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
      : undefined;
  return new S3Client({
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    endpoint,
    ...(credentials ? { credentials } : {}),
    // Checksums only where S3 requires them: the SDK's default CRC32 on every request would also be signed
    // into presigned URLs, which a browser cannot compute. Uploads carry our own signed SHA-256 instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Builds the S3 clients from the validated config (once per process). */
export function createObjectStorage(config: ObjectStorageConfig): ObjectStorage {
  const s3 = s3Client(config, config.S3_ENDPOINT);
  const presigner =
    config.S3_PUBLIC_ENDPOINT && config.S3_PUBLIC_ENDPOINT !== config.S3_ENDPOINT
      ? s3Client(config, config.S3_PUBLIC_ENDPOINT)
      : s3;
  return {
    s3,
    presigner,
    bucketPrefix: config.S3_BUCKET_PREFIX,
    destroy() {
      s3.destroy();
      if (presigner !== s3) presigner.destroy();
    },
  };
}
