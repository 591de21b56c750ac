import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { fileTypeFromBuffer, supportedMimeTypes } from 'file-type';
import type { ObjectStorage } from './client.js';
import { UploadRefusedError } from './errors.js';
import type { DeclaredUpload } from './presign-upload.js';
import { bucketName, type StoragePurpose } from './purpose.js';

/** file-type reads at most this many leading bytes to recognise a format. */
const SNIFF_BYTES = 4100;

export interface VerifiedUpload {
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
  readonly contentLength: number;
  /** SHA-256 of the stored bytes, base64. */
  readonly sha256: string;
}

interface StoredContent {
  readonly size: number;
  readonly sha256: string;
  readonly head: Buffer;
}

/** Reads the object once: hashes every byte and keeps the leading bytes for sniffing. */
async function readStored(storage: ObjectStorage, bucket: string, key: string): Promise<StoredContent> {
  const object = await storage.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  for await (const chunk of object.Body as Readable) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    if (size < SNIFF_BYTES) head.push(bytes.subarray(0, SNIFF_BYTES - size));
    size += bytes.length;
  }
  return { size, sha256: hash.digest('base64'), head: Buffer.concat(head) };
}

/**
 * Why the stored bytes do not match the declaration, or null. A declared type file-type knows must be what
 * the magic bytes say; a type it cannot recognise (plain text, CSV) is accepted only when the bytes are
 * not a recognisable binary format, so a renamed executable or image cannot pass as text.
 */
async function mismatch(declared: DeclaredUpload, stored: StoredContent): Promise<UploadRefusedError | null> {
  if (stored.size !== declared.contentLength) {
    return new UploadRefusedError(
      'size-mismatch',
      `stored ${stored.size} bytes, declared ${declared.contentLength}`,
    );
  }
  if (stored.sha256 !== declared.sha256) {
    return new UploadRefusedError('checksum-mismatch', 'stored content does not match the declared SHA-256');
  }
  const detected = (await fileTypeFromBuffer(stored.head))?.mime;
  const expected = supportedMimeTypes.has(declared.contentType as never) ? declared.contentType : undefined;
  if (detected !== expected) {
    return new UploadRefusedError(
      'type-mismatch',
      `declared ${declared.contentType}, content is ${detected ?? 'not a recognised format'}`,
    );
  }
  return null;
}

/**
 * Checks an uploaded object against what was declared when its URL was presigned: size, SHA-256 and the
 * content type its magic bytes show. An object that does not match is deleted and the upload refused, so
 * nothing unchecked is ever served.
 */
export async function verifyUpload(
  storage: ObjectStorage,
  purpose: StoragePurpose,
  declared: DeclaredUpload,
): Promise<VerifiedUpload> {
  const bucket = bucketName(storage.bucketPrefix, purpose);
  let stored: StoredContent;
  try {
    stored = await readStored(storage, bucket, declared.key);
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) {
      throw new UploadRefusedError('not-found', `nothing was uploaded to ${declared.key}`);
    }
    throw error;
  }
  const refusal = await mismatch(declared, stored);
  if (refusal) {
    await storage.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: declared.key }));
    throw refusal;
  }
  return { bucket, ...declared, contentLength: stored.size, sha256: stored.sha256 };
}
