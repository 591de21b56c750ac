import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  GetBucketCorsCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { stack } from '@portfolioos/testing';
import { bucketName, ensureBucket } from '@portfolioos/storage';
import { appOrigin, documents, pdfBytes, useDocumentsBucket } from './support/storage.js';

describe('buckets on versitygw', () => {
  const ctx = useDocumentsBucket();

  test('one bucket per purpose, named with the environment prefix; ensuring it again changes nothing', async () => {
    assert.equal(ctx.bucket, bucketName(ctx.storage.bucketPrefix, documents));
    assert.ok(ctx.bucket.endsWith('-documents'));
    assert.equal(await ensureBucket(ctx.storage, documents, { corsOrigins: [appOrigin] }), ctx.bucket);
  });

  test('put, head and list through @aws-sdk/client-s3', async () => {
    const body = pdfBytes();
    await ctx.storage.s3.send(
      new PutObjectCommand({
        Bucket: ctx.bucket,
        Key: 'leases/a.pdf',
        Body: body,
        ContentType: 'application/pdf',
      }),
    );
    await ctx.storage.s3.send(
      new PutObjectCommand({
        Bucket: ctx.bucket,
        Key: 'leases/b.pdf',
        Body: body,
        ContentType: 'application/pdf',
      }),
    );
    const head = await ctx.storage.s3.send(
      new HeadObjectCommand({ Bucket: ctx.bucket, Key: 'leases/a.pdf' }),
    );
    assert.equal(head.ContentLength, body.length);
    assert.equal(head.ContentType, 'application/pdf');
    const listed = await ctx.storage.s3.send(
      new ListObjectsV2Command({ Bucket: ctx.bucket, Prefix: 'leases/' }),
    );
    assert.deepEqual(
      listed.Contents?.map(({ Key, Size }) => [Key, Size]),
      [
        ['leases/a.pdf', body.length],
        ['leases/b.pdf', body.length],
      ],
    );
  });

  test('CORS lets the app origin upload from a browser and nobody else', async () => {
    const cors = await ctx.storage.s3.send(new GetBucketCorsCommand({ Bucket: ctx.bucket }));
    assert.deepEqual(cors.CORSRules?.[0]?.AllowedOrigins, [appOrigin]);

    const preflight = (origin: string) =>
      fetch(`${stack.s3.endpoint}/${ctx.bucket}/x.png`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type,x-amz-checksum-sha256',
        },
      });
    const allowed = await preflight(appOrigin);
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), appOrigin);
    assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /PUT/);
    const other = await preflight('http://evil.example');
    assert.notEqual(other.headers.get('access-control-allow-origin'), 'http://evil.example');
  });
});
