import { createHash } from 'node:crypto';
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { after, before } from 'node:test';
import { stack, uniqueName } from '@portfolioos/testing';
import {
  createObjectStorage,
  ensureBucket,
  type ObjectStorage,
  type ObjectStorageConfig,
  type StoragePurpose,
} from '@portfolioos/storage';

export const documents: StoragePurpose = {
  name: 'documents',
  contentTypes: ['application/pdf', 'image/png', 'text/plain'],
  maxBytes: 64 * 1024,
};

export const appOrigin = 'http://app.portfolioos.test';

/** Object storage on the local versitygw with a bucket prefix no other run uses. */
export function throwawayStorage(overrides: Partial<ObjectStorageConfig> = {}): ObjectStorage {
  return createObjectStorage({
    S3_ENDPOINT: stack.s3.endpoint,
    S3_REGION: stack.s3.region,
    S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: true,
    S3_BUCKET_PREFIX: `${uniqueName('t')}-`,
    ...overrides,
  });
}

/**
 * The suite's own documents bucket (CORS for appOrigin) on a throwaway prefix: created before the suite's
 * tests, emptied and deleted after them. Read `storage` and `bucket` inside tests.
 */
export function useDocumentsBucket(): { storage: ObjectStorage; bucket: string } {
  const context = { storage: undefined as unknown as ObjectStorage, bucket: '' };
  before(async () => {
    context.storage = throwawayStorage();
    context.bucket = await ensureBucket(context.storage, documents, { corsOrigins: [appOrigin] });
  });
  after(async () => {
    await dropBucket(context.storage, context.bucket);
    context.storage.destroy();
  });
  return context;
}

/** Empties and deletes a test bucket. */
async function dropBucket(storage: ObjectStorage, bucket: string): Promise<void> {
  try {
    const listed = await storage.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (listed.Contents ?? []).map(({ Key }) => ({ Key }));
    if (keys.length > 0) {
      await storage.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
    }
    await storage.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!(error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) throw error;
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

/** The smallest valid PNG header plus padding: what file-type recognises as image/png. */
export const pngBytes = (): Buffer =>
  Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    Buffer.alloc(64, 0),
  ]);

export const pdfBytes = (): Buffer =>
  Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
