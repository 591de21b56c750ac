import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { ReportEncryption } from '../src/screening/envelope-encryption.js';

const kek = randomBytes(32).toString('base64');

test('a sealed report opens with its KEK and id only; tampering anywhere is refused', () => {
  const enc = new ReportEncryption(kek, 'k1');
  const report = Buffer.from('%PDF-1.7 screening report of Riley Chen');
  const id = crypto.randomUUID();
  const sealed = enc.seal(id, report);
  assert.equal(sealed.ciphertext.includes(Buffer.from('Riley')), false, 'no plaintext in the ciphertext');
  assert.deepEqual(enc.open(id, sealed), report);

  assert.throws(() => enc.open(crypto.randomUUID(), sealed), 'another report id');
  const flipped = Buffer.from(sealed.ciphertext);
  flipped[0]! ^= 1;
  assert.throws(() => enc.open(id, { ...sealed, ciphertext: flipped }), 'a changed ciphertext');
  assert.throws(
    () => new ReportEncryption(randomBytes(32).toString('base64'), 'k1').open(id, sealed),
    'another KEK',
  );
  assert.throws(() => new ReportEncryption(kek, 'k2').open(id, sealed), 'another KEK id');
  const other = enc.seal(id, Buffer.from('other'));
  assert.throws(() => enc.open(id, { ...sealed, sealedKey: other.sealedKey }), "another report's data key");
  assert.throws(() => new ReportEncryption(randomBytes(16).toString('base64'), 'k1'), 'a short KEK');
});
