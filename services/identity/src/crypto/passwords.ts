import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum, which isolated modules cannot read; 2 is its Argon2id.
const ARGON2ID: Algorithm.Argon2id = 2;

export interface PasswordHashing {
  memoryCostKib: number;
  timeCost: number;
  parallelism: number;
}

/** argon2id hashing with the configured cost; verifies against whatever parameters a stored hash names. */
export class PasswordHasher {
  // Verified when the email is unknown, so a miss costs as much as a hit and timing reveals nothing.
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly cost: PasswordHashing) {}

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: ARGON2ID,
      memoryCost: this.cost.memoryCostKib,
      timeCost: this.cost.timeCost,
      parallelism: this.cost.parallelism,
    });
  }

  async verify(storedHash: string | undefined, password: string): Promise<boolean> {
    if (storedHash === undefined) {
      this.dummyHash ??= this.hash('not-a-real-password');
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(storedHash, password).catch(() => false);
  }
}
