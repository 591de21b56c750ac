import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers DocuSign signs Connect notifications in: one per active HMAC key (-1 … -10). */
const SIGNATURE_HEADERS = Array.from({ length: 10 }, (_, i) => `x-docusign-signature-${i + 1}`);

/** Base64 HMAC-SHA256 of the exact bytes received, as DocuSign computes it. */
export function connectSignature(key: string, rawBody: Buffer): string {
  return createHmac('sha256', key).update(rawBody).digest('base64');
}

/**
 * Whether any X-DocuSign-Signature-N header is the HMAC of `rawBody` under `key` (several headers
 * appear while DocuSign rotates keys). Compared in constant time, on the raw body: re-serialised JSON
 * would not match byte for byte.
 */
export function isSignedByDocusign(
  key: string,
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  const expected = Buffer.from(connectSignature(key, rawBody));
  return SIGNATURE_HEADERS.some((name) => {
    const value = headers[name];
    if (typeof value !== 'string') return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
