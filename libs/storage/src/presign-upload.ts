import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStorage } from './client.js';
import { UploadRefusedError } from './errors.js';
import { bucketName, type StoragePurpose } from './purpose.js';

/** What the client declares before uploading; every field is signed into the URL. */
export interface DeclaredUpload {
  readonly key: string;
  readonly contentType: string;
  /** Exact size in bytes. */
  readonly contentLength: number;
  /** SHA-256 of the content, base64 (what `x-amz-checksum-sha256` carries). */
  readonly sha256: string;
}

/**
 * A presigned PUT: the client sends exactly these headers and a body of exactly the declared size (its
 * Content-Length, which browsers and fetch set themselves, is signed too).
 */
export interface PresignedUpload {
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: Date;
}

/** Upload URLs live long enough to start a slow upload on a phone, not to be passed around. */
export const UPLOAD_URL_TTL_S = 300;

const base64Sha256 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Presigns a PUT for one declared upload after checking it against the purpose's rules. A presigned PUT cannot
 * bound size on its own: the size limit holds because Content-Length (and Content-Type and the SHA-256) are
 * signed headers, so S3 refuses any request whose body differs from what was declared and checked here.
 */
export async function presignUpload(
  storage: ObjectStorage,
  purpose: StoragePurpose,
  upload: DeclaredUpload,
  options: { expiresInSeconds?: number; now?: Date } = {},
): Promise<PresignedUpload> {
  if (!purpose.contentTypes.includes(upload.contentType)) {
    throw new UploadRefusedError('type-not-allowed', `${purpose.name} does not accept ${upload.contentType}`);
  }
  if (!Number.isSafeInteger(upload.contentLength) || upload.contentLength <= 0) {
    throw new UploadRefusedError('empty', 'an upload needs a positive whole number of bytes');
  }
  if (upload.contentLength > purpose.maxBytes) {
    throw new UploadRefusedError('too-large', `${purpose.name} accepts at most ${purpose.maxBytes} bytes`);
  }
  if (!base64Sha256.test(upload.sha256)) throw new TypeError('sha256 must be a base64 SHA-256 digest');
  const expiresIn = options.expiresInSeconds ?? UPLOAD_URL_TTL_S;
  const signingDate = options.now ?? new Date();
  const command = new PutObjectCommand({
    Bucket: bucketName(storage.bucketPrefix, purpose),
    Key: upload.key,
    ContentType: upload.contentType,
    ContentLength: upload.contentLength,
    ChecksumSHA256: upload.sha256,
  });
  const url = await getSignedUrl(storage.presigner, command, {
    expiresIn,
    signingDate,
    // Kept as headers (not hoisted into the query string), so each one is part of the signature the
    // server checks against what the request actually carries.
    unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    signableHeaders: new Set(['content-type', 'content-length']),
  });
  return {
    url,
    method: 'PUT',
    headers: {
      'content-type': upload.contentType,
      'x-amz-checksum-sha256': upload.sha256,
    },
    expiresAt: new Date(signingDate.getTime() + expiresIn * 1000),
  };
}
