import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/** A report sealed for storage: the ciphertext goes to object storage, the rest to the database. */
export interface SealedReport {
  ciphertext: Buffer;
  /** The report's IV and GCM tag, base64. */
  iv: string;
  authTag: string;
  /** The data key sealed with the KEK: `<iv>.<tag>.<ciphertext>` base64url, bound to `kekId` and the report. */
  sealedKey: string;
  kekId: string;
}

function gcm(key: Buffer, iv: Buffer, aad: string) {
  return createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(aad));
}

/**
 * Envelope encryption of screening reports (AES-256-GCM, node:crypto): each report gets a fresh random
 * data key; only that key is encrypted with the key-encryption key from config, so rotating the KEK
 * rewraps 60-byte keys, not the reports, and purging a report's sealed key makes its object unreadable
 * even where a storage backup survives. The report id is bound as associated data to both layers, so a
 * ciphertext or sealed key copied onto another report does not open.
 */
export class ReportEncryption {
  private readonly kek: Buffer;

  constructor(
    kekBase64: string,
    readonly kekId: string,
  ) {
    this.kek = Buffer.from(kekBase64, 'base64');
    if (this.kek.length !== 32) throw new Error('the screening report KEK must be 32 bytes');
  }

  seal(reportId: string, plaintext: Buffer): SealedReport {
    const dataKey = randomBytes(32);
    try {
      const iv = randomBytes(IV_BYTES);
      const cipher = gcm(dataKey, iv, reportId);
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const keyIv = randomBytes(IV_BYTES);
      const wrap = gcm(this.kek, keyIv, `${this.kekId}:${reportId}`);
      const wrapped = Buffer.concat([wrap.update(dataKey), wrap.final()]);
      return {
        ciphertext,
        iv: iv.toString('base64'),
        authTag: cipher.getAuthTag().toString('base64'),
        sealedKey: [keyIv, wrap.getAuthTag(), wrapped].map((b) => b.toString('base64url')).join('.'),
        kekId: this.kekId,
      };
    } finally {
      dataKey.fill(0);
    }
  }

  /** The report's bytes; throws if anything was tampered with or sealed under another KEK. */
  open(reportId: string, sealed: Omit<SealedReport, 'kekId'> & { kekId: string }): Buffer {
    if (sealed.kekId !== this.kekId)
      throw new Error(`report sealed under KEK ${sealed.kekId}, not ${this.kekId}`);
    const [keyIv, keyTag, wrapped] = sealed.sealedKey.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!keyIv || !keyTag || !wrapped) throw new Error('malformed sealed key');
    const unwrap = createDecipheriv(ALGORITHM, this.kek, keyIv)
      .setAAD(Buffer.from(`${sealed.kekId}:${reportId}`))
      .setAuthTag(keyTag);
    const dataKey = Buffer.concat([unwrap.update(wrapped), unwrap.final()]);
    try {
      const decipher = createDecipheriv(ALGORITHM, dataKey, Buffer.from(sealed.iv, 'base64'))
        .setAAD(Buffer.from(reportId))
        .setAuthTag(Buffer.from(sealed.authTag, 'base64'));
      return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
    } finally {
      dataKey.fill(0);
    }
  }
}
