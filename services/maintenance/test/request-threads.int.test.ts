import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { callsOn, createMaintenanceHarness, type MaintenanceHarness } from './support/harness.js';
import { requestBody, seedNeighbourhood, type Neighbourhood } from './support/people.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');
/** A PNG header file-type recognises, plus padding. */
const png = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(64, 0),
]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');

describe('request comments and photos', () => {
  let h: MaintenanceHarness;
  let n: Neighbourhood;
  let app: ServiceApp;
  let requestId: string;
  before(async () => {
    h = await createMaintenanceHarness();
    n = await seedNeighbourhood(h.handle.db, h.signer);
    app = await h.app({ after: () => undefined }, { now: () => new Date('2026-06-01T12:00:00Z') });
    const res = await post('/v1/maintenance-requests', n.tenantA, requestBody({ unit_id: n.unitA }));
    requestId = res.json().id;
  });
  after(async () => {
    await app.close();
    await h.close();
  });

  const post: ReturnType<typeof callsOn>['post'] = (...args) => callsOn(app).post(...args);
  const get: ReturnType<typeof callsOn>['get'] = (...args) => callsOn(app).get(...args);

  test('internal notes stay among staff; tenants cannot write them or reach others’ threads', async () => {
    const url = `/v1/maintenance-requests/${requestId}/comments`;
    assert.equal((await post(url, n.tenantA, { body: 'It is getting worse' })).statusCode, 201);
    const note = await post(url, n.staff, { body: 'Plumber owes us a visit', internal: true });
    assert.equal(note.statusCode, 201, note.body);
    assert.equal((await post(url, n.staff, { body: 'Booked for Tuesday' })).statusCode, 201);
    assert.equal((await post(url, n.tenantA, { body: 'psst', internal: true })).statusCode, 403);
    assert.equal((await post(url, n.tenantB, { body: 'hello' })).statusCode, 404);
    assert.equal((await get(url, n.tenantB)).statusCode, 404);

    const tenantView = (await get(url, n.tenantA)).json().items.map((c: { body: string }) => c.body);
    assert.deepEqual(tenantView, ['It is getting worse', 'Booked for Tuesday']);
    const staffView = (await get(url, n.staff)).json().items;
    assert.equal(staffView.length, 3);
    const { rows } = await h.admin.query(
      `select payload->>'internal' as internal from outbox
        where event_type = 'portfolioos.maintenance.MaintenanceRequestCommented' and key = $1 order by id`,
      [requestId],
    );
    assert.deepEqual(
      rows.map((r) => r.internal),
      ['false', 'true', 'false'],
    );
  });

  const declare = (bytes: Buffer, overrides: object = {}, headers = n.tenantA) =>
    post(`/v1/maintenance-requests/${requestId}/photos`, headers, {
      content_type: 'image/png',
      size_bytes: bytes.length,
      sha256: sha256(bytes),
      ...overrides,
    });
  const upload = (declared: { upload: { url: string; headers: Record<string, string> } }, bytes: Buffer) =>
    fetch(declared.upload.url, { method: 'PUT', headers: declared.upload.headers, body: bytes });
  const verify = (photoId: string) =>
    post(`/v1/maintenance-requests/${requestId}/photos/${photoId}/verify`, n.tenantA);

  test('a photo is presigned, uploaded straight to storage, verified, then listed with a download link', async () => {
    const declared = await declare(png);
    assert.equal(declared.statusCode, 201, declared.body);
    assert.equal(declared.json().photo.status, 'pending');
    assert.equal((await upload(declared.json(), png)).status, 200);
    const verified = await verify(declared.json().photo.id);
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().status, 'attached');
    const listed = (await get(`/v1/maintenance-requests/${requestId}/photos`, n.staff)).json().items;
    assert.equal(listed.length, 1);
    const downloaded = Buffer.from(await (await fetch(listed[0].download_url)).arrayBuffer());
    assert.ok(downloaded.equals(png));
    assert.equal((await get(`/v1/maintenance-requests/${requestId}/photos`, n.tenantB)).statusCode, 404);
  });

  test('a missing upload is 409 and can be retried; a PDF declared as PNG is refused and deleted', async () => {
    const declared = (await declare(png)).json();
    const missing = await verify(declared.photo.id);
    assert.equal(missing.statusCode, 409);
    assert.match(missing.json().type, /upload-missing$/);
    await upload(declared, png);
    assert.equal((await verify(declared.photo.id)).statusCode, 200);

    const spoofed = (await declare(pdf)).json();
    assert.equal((await upload(spoofed, pdf)).status, 200, 'storage takes the bytes it was told about');
    const refused = await verify(spoofed.photo.id);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.json().type, /upload-type-mismatch$/);
    const { rows } = await h.admin.query('select 1 from request_photos where id = $1', [spoofed.photo.id]);
    assert.equal(rows.length, 0);
    assert.equal((await fetch(spoofed.upload.url.replace(/\?.*/, ''))).ok, false);
  });

  test('oversize, wrong type and a body bigger than declared are refused', async () => {
    const tooLarge = await declare(png, { size_bytes: 10 * 1024 * 1024 + 1 });
    assert.equal(tooLarge.statusCode, 422);
    assert.match(tooLarge.json().type, /upload-too-large$/);
    assert.equal((await declare(pdf, { content_type: 'application/pdf' })).statusCode, 400);
    assert.equal((await declare(png, { sha256: 'not-a-digest' })).statusCode, 400);
    const declared = (await declare(png)).json();
    const bigger = Buffer.concat([png, Buffer.alloc(1024, 1)]);
    const put = await upload(declared, bigger);
    assert.ok(put.status >= 400, `storage refused the larger body (${put.status})`);
    assert.equal((await verify(declared.photo.id)).statusCode, 409);
    assert.equal((await declare(png, {}, n.tenantB)).statusCode, 404);
  });
});
