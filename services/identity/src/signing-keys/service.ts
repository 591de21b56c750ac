import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type CryptoKey,
  type JWTVerifyGetKey,
} from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '@portfolioos/service-kit';
import type { KeyEncryption } from '../crypto/key-encryption.js';
import type { IdentityDb, IdentityTx } from '../db/database.js';
import type { PublicJwk } from '../db/schema.js';
import {
  findCurrentKey,
  findPublishedKeys,
  insertKey,
  retireCurrentKeys,
  withSigningKeyLock,
} from './repository.js';

export interface SigningKeyPolicy {
  /** A retired key stays published this long (the access-token lifetime plus clock skew). */
  publishRetiredForSeconds: number;
  rotateAfterDays: number;
}

/** The key access tokens are signed with now. */
export interface ActiveSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * RS256 signing keys: kept encrypted in the database, loaded into memory, published as a JWKS. Rotation
 * retires the current key (it keeps verifying and stays published until its tokens have expired) and signs
 * with a new one from then on, so nobody is logged out.
 */
export class SigningKeyStore {
  private active: ActiveSigningKey | undefined;
  private published: PublicJwk[] = [];
  private localKeys: JWTVerifyGetKey = createLocalJWKSet({ keys: [] });

  constructor(
    private readonly db: IdentityDb,
    private readonly encryption: KeyEncryption,
    private readonly policy: SigningKeyPolicy,
  ) {}

  /** Creates the first key, or rotates one older than the policy allows, then loads the keys. */
  async initialize(): Promise<void> {
    await withSigningKeyLock(this.db, async (tx) => {
      const current = await findCurrentKey(tx);
      const maxAgeMs = this.policy.rotateAfterDays * 86_400_000;
      if (!current || Date.now() - current.createdAt.getTime() > maxAgeMs) await this.replaceKey(tx);
    });
    await this.reload();
  }

  /** Signs with a new key from now on; tokens signed by the old one stay valid until they expire. */
  async rotate(): Promise<string> {
    const kid = await withSigningKeyLock(this.db, (tx) => this.replaceKey(tx));
    await this.reload();
    return kid;
  }

  /** Re-reads the keys (other replicas may have rotated). */
  async reload(): Promise<void> {
    const since = new Date(Date.now() - this.policy.publishRetiredForSeconds * 1000);
    const rows = await findPublishedKeys(this.db, since);
    const current = rows.find((row) => row.retiredAt === null);
    if (!current) throw new Error('no current signing key; call initialize() first');
    const pem = this.encryption.decrypt(current.privateKeyEncrypted, current.kid);
    this.active = { kid: current.kid, privateKey: await importPKCS8(pem, ACCESS_TOKEN_ALGORITHM) };
    this.published = rows.map((row) => row.publicJwk);
    this.localKeys = createLocalJWKSet({ keys: this.published });
  }

  activeKey(): ActiveSigningKey {
    if (!this.active) throw new Error('signing keys are not loaded');
    return this.active;
  }

  /** The public keys for /.well-known/jwks.json. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: this.published };
  }

  /** Verification keys for identity's own routes (same keys the JWKS publishes). */
  readonly verificationKeys: JWTVerifyGetKey = (header, token) => this.localKeys(header, token);

  private async replaceKey(tx: IdentityTx): Promise<string> {
    const kid = randomUUID();
    const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
      modulusLength: 2048,
      extractable: true,
    });
    const { kty, n, e } = await exportJWK(publicKey);
    if (!kty || !n || !e) throw new Error('generated key has no RSA public components');
    const publicJwk: PublicJwk = { kty, n, e, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
    await retireCurrentKeys(tx);
    await insertKey(tx, {
      kid,
      publicJwk,
      privateKeyEncrypted: this.encryption.encrypt(await exportPKCS8(privateKey), kid),
    });
    return kid;
  }
}
