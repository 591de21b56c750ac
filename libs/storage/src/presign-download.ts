import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStorage } from './client.js';
import { bucketName, type StoragePurpose } from './purpose.js';

/** Download URLs are minted per view: a leaked link stops working within a minute. */
export const DOWNLOAD_URL_TTL_S = 60;
/** Longest a caller may ask for (a large file on a slow connection needs to start, not finish, in time). */
export const DOWNLOAD_URL_MAX_TTL_S = 900;

export interface DownloadOptions {
  readonly expiresInSeconds?: number;
  /** Offered as the saved file's name (Content-Disposition: attachment). */
  readonly filename?: string;
  /** Signing time; tests pass a past one to get an already-expired URL without waiting. */
  readonly now?: Date;
}

/** Presigns a short-lived GET for one stored object. */
export async function presignDownload(
  storage: ObjectStorage,
  purpose: StoragePurpose,
  key: string,
  options: DownloadOptions = {},
): Promise<{ url: string; expiresAt: Date }> {
  const expiresIn = options.expiresInSeconds ?? DOWNLOAD_URL_TTL_S;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > DOWNLOAD_URL_MAX_TTL_S) {
    throw new RangeError(`download URLs live 1..${DOWNLOAD_URL_MAX_TTL_S} s`);
  }
  const signingDate = options.now ?? new Date();
  const command = new GetObjectCommand({
    Bucket: bucketName(storage.bucketPrefix, purpose),
    Key: key,
    ...(options.filename
      ? { ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(options.filename)}` }
      : {}),
  });
  const url = await getSignedUrl(storage.presigner, command, { expiresIn, signingDate });
  return { url, expiresAt: new Date(signingDate.getTime() + expiresIn * 1000) };
}
