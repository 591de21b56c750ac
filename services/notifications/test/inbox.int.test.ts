import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withOrgTransaction } from '@portfolioos/db';
import type { ServiceApp } from '@portfolioos/service-kit';
import { assertCursorsRefused, tamperedCursors } from '@portfolioos/testing';
import { recordNotification } from '../src/notifying/record-notification.js';
import { createNotificationsHarness, type NotificationsHarness } from './support/harness.js';

describe('the in-app inbox: /v1/notifications', () => {
  let h: NotificationsHarness;
  let app: ServiceApp;
  const orgA = crypto.randomUUID();
  const orgB = crypto.randomUUID();
  const tess = crypto.randomUUID();
  const tom = crypto.randomUUID();
  let tessToken: string;

  /** An in-app notification for `userId`, recorded the way the planner records one. */
  const notify = (orgId: string, userId: string, title: string) =>
    withOrgTransaction(h.handle.db, orgId, (tx) =>
      recordNotification(tx, {
        orgId,
        causeEventId: crypto.randomUUID(),
        causeEventType: 'portfolioos.leasing.LeaseSigned',
        recipient: { key: userId, userId, email: null, phone: null, name: null, locale: null },
        channel: 'in_app',
        address: null,
        template: 'lease.signed',
        category: 'legal',
        locale: 'en',
        data: {},
        title,
        body: `${title} body`,
        link: '/leases/1',
      }),
    );
  const get = (url: string, token = tessToken) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const post = (url: string, token = tessToken) =>
    app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` } });

  before(async () => {
    h = await createNotificationsHarness();
    app = await h.app({ after: () => undefined });
    tessToken = await h.signer.userToken({ orgId: orgA, userId: tess, roles: ['tenant'] });
    for (let i = 1; i <= 5; i += 1) await notify(orgA, tess, `Tess ${i}`);
    await notify(orgA, tom, 'Tom 1');
    // Tess in another organization: a different inbox.
    await notify(orgB, tess, 'Tess in B');
  });
  after(async () => {
    await app.close();
    await h.close();
  });

  test('lists only my notifications in this organization, newest first, page by page', async () => {
    const first = await get('/v1/notifications?limit=3');
    assert.equal(first.statusCode, 200, first.body);
    const one = first.json();
    assert.deepEqual(
      one.items.map((n: { title: string }) => n.title),
      ['Tess 5', 'Tess 4', 'Tess 3'],
    );
    const second = (await get(`/v1/notifications?limit=3&cursor=${one.next_cursor}`)).json();
    assert.deepEqual(
      second.items.map((n: { title: string }) => n.title),
      ['Tess 2', 'Tess 1'],
    );
    assert.equal(second.next_cursor, null);
    const inB = (
      await get(
        '/v1/notifications',
        await h.signer.userToken({ orgId: orgB, userId: tess, roles: ['tenant'] }),
      )
    ).json();
    assert.deepEqual(
      inB.items.map((n: { title: string }) => n.title),
      ['Tess in B'],
    );
  });

  test('mark one read: unread filter and count follow; NotificationRead is published once', async () => {
    const [latest] = (await get('/v1/notifications?limit=1')).json().items;
    assert.deepEqual((await get('/v1/notifications/unread-count')).json(), { unread: 5 });
    const read = await post(`/v1/notifications/${latest.id}/read`);
    assert.equal(read.statusCode, 200, read.body);
    assert.ok(read.json().read_at);
    assert.equal((await post(`/v1/notifications/${latest.id}/read`)).statusCode, 200, 'again: no change');
    assert.deepEqual((await get('/v1/notifications/unread-count')).json(), { unread: 4 });
    const unread = (await get('/v1/notifications?unread=true')).json();
    assert.equal(unread.items.length, 4);
    assert.ok(unread.items.every((n: { id: string }) => n.id !== latest.id));
    const events = await h.admin.query(
      `select 1 from outbox where event_type = 'portfolioos.notifications.NotificationRead' and key = $1`,
      [latest.id],
    );
    assert.equal(events.rows.length, 1);
  });

  test("someone else's notification is 404, to read and to mark; in another organization too", async () => {
    const tomsId = (
      await get(
        '/v1/notifications',
        await h.signer.userToken({ orgId: orgA, userId: tom, roles: ['tenant'] }),
      )
    ).json().items[0].id;
    assert.equal((await post(`/v1/notifications/${tomsId}/read`)).statusCode, 404);
    const inB = (
      await get(
        '/v1/notifications',
        await h.signer.userToken({ orgId: orgB, userId: tess, roles: ['tenant'] }),
      )
    ).json().items[0].id;
    assert.equal((await post(`/v1/notifications/${inB}/read`)).statusCode, 404);
    const { rows } = await h.admin.query('select read_at from notifications where id = any($1)', [
      [tomsId, inB],
    ]);
    assert.ok(rows.every((r) => r.read_at === null));
    assert.equal((await post(`/v1/notifications/${crypto.randomUUID()}/read`)).statusCode, 404);
  });

  test('mark all read: only mine; then the count is 0', async () => {
    assert.deepEqual((await post('/v1/notifications/read-all')).json(), { marked: 4 });
    assert.deepEqual((await get('/v1/notifications/unread-count')).json(), { unread: 0 });
    const tomToken = await h.signer.userToken({ orgId: orgA, userId: tom, roles: ['tenant'] });
    assert.deepEqual((await get('/v1/notifications/unread-count', tomToken)).json(), { unread: 1 });
  });

  test('bad input is a 400 problem; no token 401; a tampered cursor is 400', async () => {
    const bad = await get('/v1/notifications?limit=0');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal((await get('/v1/notifications?unread=maybe')).statusCode, 400);
    assert.equal((await post('/v1/notifications/not-a-uuid/read')).statusCode, 400);
    assert.equal((await app.inject({ method: 'GET', url: '/v1/notifications' })).statusCode, 401);
    const cases = tamperedCursors(
      { at: '2024-05-01T00:00:00.000Z', id: crypto.randomUUID() },
      { at: ['yesterday', '2024-02-30T00:00:00.000Z', 7, null], id: ['not-a-uuid', 7, null] },
    );
    await assertCursorsRefused(app, '/v1/notifications', cases, { authorization: `Bearer ${tessToken}` });
  });
});
