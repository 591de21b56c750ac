/**
 * One kind of stored object (lease documents, listing photos, …): its own bucket and its own upload rules.
 * A service declares its purposes once; every presign and check reads the rules from here.
 */
export interface StoragePurpose {
  /** Bucket name without the environment prefix: lowercase letters, digits and hyphens. */
  readonly name: string;
  /** Declared content types an upload may have (exact MIME types, e.g. `application/pdf`). */
  readonly contentTypes: readonly string[];
  /** Largest upload in bytes. */
  readonly maxBytes: number;
}

const bucketNamePattern = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** The purpose's bucket in this environment (`S3_BUCKET_PREFIX` + name), checked against S3's naming rules. */
export function bucketName(prefix: string, purpose: StoragePurpose): string {
  const name = `${prefix}${purpose.name}`;
  if (!bucketNamePattern.test(name)) throw new Error(`invalid bucket name ${JSON.stringify(name)}`);
  return name;
}
