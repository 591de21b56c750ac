export { ensureBucket, type EnsureBucketOptions } from './buckets.js';
export { createObjectStorage, type ObjectStorage } from './client.js';
export { objectStorageConfigFields, objectStorageConfigSchema, type ObjectStorageConfig } from './config.js';
export { UploadRefusedError, type UploadRefusal } from './errors.js';
export {
  DOWNLOAD_URL_MAX_TTL_S,
  DOWNLOAD_URL_TTL_S,
  presignDownload,
  type DownloadOptions,
} from './presign-download.js';
export {
  presignUpload,
  UPLOAD_URL_TTL_S,
  type DeclaredUpload,
  type PresignedUpload,
} from './presign-upload.js';
export { bucketName, type StoragePurpose } from './purpose.js';
export { verifyUpload, type VerifiedUpload } from './verify-upload.js';
