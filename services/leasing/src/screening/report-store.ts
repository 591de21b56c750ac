import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, ensureBucket, type ObjectStorage, type StoragePurpose } from '@portfolioos/storage';

/** Screening reports: their own bucket, never reachable from a browser (no CORS, no presigned URLs). */
export const screeningReportsPurpose: StoragePurpose = {
  name: 'screening-reports',
  contentTypes: ['application/pdf', 'text/plain', 'application/json'],
  maxBytes: 5 * 1024 * 1024,
};

/** Where sealed report bytes live: only ciphertext is ever written here. */
export class ReportStore {
  readonly bucket: string;

  constructor(private readonly storage: ObjectStorage) {
    this.bucket = bucketName(storage.bucketPrefix, screeningReportsPurpose);
  }

  /** Creates the bucket when missing (boot; idempotent across replicas). */
  async ensureBucket(): Promise<void> {
    await ensureBucket(this.storage, screeningReportsPurpose, { corsOrigins: [] });
  }

  async put(key: string, ciphertext: Buffer): Promise<void> {
    await this.storage.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: ciphertext,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    const object = await this.storage.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray());
  }

  /** Deletes the object; deleting one already gone is not an error (S3 answers 204 either way). */
  async delete(key: string): Promise<void> {
    await this.storage.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
