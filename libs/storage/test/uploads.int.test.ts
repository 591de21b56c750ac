import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HeadObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import {
  presignDownload,
  presignUpload,
  UploadRefusedError,
  verifyUpload,
  type DeclaredUpload,
} from '@portfolioos/storage';
import { stack } from '@portfolioos/testing';
import {
  documents,
  pdfBytes,
  pngBytes,
  sha256,
  throwawayStorage,
  useDocumentsBucket,
} from './support/storage.js';

const refused = (reason: string) => (error: unknown) =>
  error instanceof UploadRefusedError && error.reason === reason;

describe('presigned uploads and downloads on versitygw', () => {
  const ctx = useDocumentsBucket();

  const declare = (key: string, contentType: string, body: Buffer): DeclaredUpload => ({
    key,
    contentType,
    contentLength: body.length,
    sha256: sha256(body),
  });

  /** Uploads through the presigned URL the way a browser would: plain fetch with the returned headers. */
  const upload = async (declared: DeclaredUpload, body: Buffer) => {
    const presigned = await presignUpload(ctx.storage, documents, declared);
    return fetch(presigned.url, { method: presigned.method, headers: presigned.headers, body });
  };

  const exists = async (key: string) => {
    try {
      await ctx.storage.s3.send(new HeadObjectCommand({ Bucket: ctx.bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
      throw error;
    }
  };

  test('a declared upload goes through its presigned PUT, is verified, and downloads through a presigned GET', async () => {
    const body = pdfBytes();
    const declared = declare('leases/signed.pdf', 'application/pdf', body);
    const put = await upload(declared, body);
    assert.equal(put.status, 200, await put.text());

    const verified = await verifyUpload(ctx.storage, documents, declared);
    assert.deepEqual(verified, { bucket: ctx.bucket, ...declared });

    const { url, expiresAt } = await presignDownload(ctx.storage, documents, declared.key, {
      filename: 'Lease 12.pdf',
    });
    assert.ok(expiresAt.getTime() - Date.now() <= 60_000);
    const got = await fetch(url);
    assert.equal(got.status, 200);
    assert.deepEqual(Buffer.from(await got.arrayBuffer()), body);
    assert.equal(got.headers.get('content-disposition'), "attachment; filename*=UTF-8''Lease%2012.pdf");
  });

  test('a tampered download URL is refused', async () => {
    const body = pdfBytes();
    const declared = declare('leases/tamper.pdf', 'application/pdf', body);
    assert.equal((await upload(declared, body)).status, 200);
    const { url } = await presignDownload(ctx.storage, documents, declared.key);
    const otherKey = url.replace('leases/tamper.pdf', 'leases/signed.pdf');
    assert.equal((await fetch(otherKey)).status, 403);
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '900');
    assert.equal((await fetch(longer)).status, 403);
  });

  test('an expired download URL is refused', async () => {
    const body = pdfBytes();
    const declared = declare('leases/expired.pdf', 'application/pdf', body);
    assert.equal((await upload(declared, body)).status, 200);
    // Signed two minutes ago for one minute: expired now, without waiting for it.
    const now = new Date(Date.now() - 120_000);
    const { url } = await presignDownload(ctx.storage, documents, declared.key, {
      expiresInSeconds: 60,
      now,
    });
    assert.equal((await fetch(url)).status, 403);
  });

  test('an upload over the purpose limit is refused before any URL is signed', async () => {
    const big = Buffer.alloc(documents.maxBytes + 1, 0x20);
    await assert.rejects(
      presignUpload(ctx.storage, documents, declare('big.txt', 'text/plain', big)),
      refused('too-large'),
    );
  });

  test('a body larger (or other) than the one declared is refused by S3 itself: its size and SHA-256 are signed', async () => {
    const small = pdfBytes();
    const declared = declare('leases/swap.pdf', 'application/pdf', small);
    const bigger = Buffer.concat([small, Buffer.alloc(documents.maxBytes * 4, 0x20)]);
    assert.equal((await upload(declared, bigger)).status, 403);
    // Same size, other bytes: the signature holds, the SHA-256 the server computes does not.
    const sameSize = Buffer.from(small).fill(0x41, 9);
    const swapped = await upload(declared, sameSize);
    assert.equal(swapped.status, 400);
    assert.match(await swapped.text(), /<Code>(BadDigest|XAmzContentChecksumMismatch)<\/Code>/);
    assert.equal(await exists(declared.key), false);
  });

  test('a type the purpose does not accept is refused before any URL is signed', async () => {
    const body = Buffer.from('MZ\x90\x00');
    await assert.rejects(
      presignUpload(ctx.storage, documents, declare('tool.exe', 'application/x-msdownload', body)),
      refused('type-not-allowed'),
    );
  });

  test('content that is not what it was declared as is deleted and the upload refused', async () => {
    const pdf = pdfBytes();
    const asPng = declare('photos/not-a-png.png', 'image/png', pdf);
    assert.equal((await upload(asPng, pdf)).status, 200);
    await assert.rejects(verifyUpload(ctx.storage, documents, asPng), refused('type-mismatch'));
    assert.equal(await exists(asPng.key), false);

    const png = pngBytes();
    const asText = declare('notes/not-text.txt', 'text/plain', png);
    assert.equal((await upload(asText, png)).status, 200);
    await assert.rejects(verifyUpload(ctx.storage, documents, asText), refused('type-mismatch'));
    assert.equal(await exists(asText.key), false);
  });

  test('content of a type without magic bytes passes as declared; a missing upload is refused', async () => {
    const text = Buffer.from('Meter reading 2026-12-01: 4711 kWh\n');
    const declared = declare('notes/reading.txt', 'text/plain', text);
    assert.equal((await upload(declared, text)).status, 200);
    assert.equal((await verifyUpload(ctx.storage, documents, declared)).sha256, sha256(text));
    await assert.rejects(
      verifyUpload(ctx.storage, documents, declare('notes/never.txt', 'text/plain', text)),
      refused('not-found'),
    );
  });

  test('an object changed behind the presigned URL (size or bytes) fails verification and is deleted', async () => {
    const body = pdfBytes();
    const declared = declare('leases/replaced.pdf', 'application/pdf', body);
    const replace = (bytes: Buffer) =>
      ctx.storage.s3.send(
        new PutObjectCommand({
          Bucket: ctx.bucket,
          Key: declared.key,
          Body: bytes,
          ContentType: declared.contentType,
        }),
      );
    await replace(Buffer.from(body).fill(0x41, 9));
    await assert.rejects(verifyUpload(ctx.storage, documents, declared), refused('checksum-mismatch'));
    assert.equal(await exists(declared.key), false);
    await replace(Buffer.concat([body, body]));
    await assert.rejects(verifyUpload(ctx.storage, documents, declared), refused('size-mismatch'));
    assert.equal(await exists(declared.key), false);
  });

  test('URLs are signed for the public endpoint when it differs from the one the service calls', async () => {
    const body = pdfBytes();
    const declared = declare('leases/public.pdf', 'application/pdf', body);
    assert.equal((await upload(declared, body)).status, 200);
    // Same server under another name, as an in-cluster address and a public one would be.
    const publicEndpoint = stack.s3.endpoint.replace('127.0.0.1', 'localhost');
    const viaPublic = throwawayStorage({
      S3_PUBLIC_ENDPOINT: publicEndpoint,
      S3_BUCKET_PREFIX: ctx.storage.bucketPrefix,
    });
    try {
      const { url } = await presignDownload(viaPublic, documents, declared.key);
      assert.equal(new URL(url).origin, new URL(publicEndpoint).origin);
      const got = await fetch(url);
      assert.equal(got.status, 200);
      assert.deepEqual(Buffer.from(await got.arrayBuffer()), body);
    } finally {
      viaPublic.destroy();
    }
  });
});
