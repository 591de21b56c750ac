import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { createTestTokenSigner, readinessOf } from '@portfolioos/testing';
import type { ListingChange, OrgListingStatus } from '../src/listings/listing-change.js';
import type { InAppNotification } from '../src/notifications/in-app-notification.js';
import { client, connected, disconnection, next, received, refusal, request } from './support/clients.js';
import { AUSTIN_VIEWPORT, DENVER, listingSnapshot, notificationRequested } from './support/fixtures.js';
import { createGatewayHarness, type GatewayHarness, type Replica } from './support/gateway-harness.js';

const SNAPSHOT = 'portfolioos.listings.ListingSnapshot';
const REQUESTED = 'portfolioos.notifications.NotificationRequested';
type Ack<T> =
  { ok: true; result: T } | { ok: false; problem: { status: number; type: string; detail: string } };

describe('the realtime gateway (one replica, its consumers, real Kafka, Redis and JWKS)', () => {
  let h: GatewayHarness;
  let gateway: Replica;
  const sockets: Socket[] = [];
  const open = (auth: Record<string, unknown> = {}) => {
    const socket = client(gateway.url, auth);
    sockets.push(socket);
    return socket;
  };
  const person = async (orgId: string | null = randomUUID(), roles = ['owner']) => {
    const userId = randomUUID();
    const socket = await connected(open({ token: await h.signer.userToken({ userId, orgId, roles }) }));
    return { userId, orgId, socket };
  };

  before(async () => {
    h = await createGatewayHarness({ SOCKET_MAX_BUFFERED_BYTES: '262144' });
    gateway = await h.replica();
  });
  after(async () => {
    for (const socket of sockets) socket.disconnect();
    await h.close();
  });

  test('serves health, readiness (Redis, PostgreSQL) and its metrics over HTTP', async () => {
    const readiness = await readinessOf(gateway.url);
    assert.equal(readiness.httpStatus, 200);
    assert.equal(readiness.checks.redis, 'ok');
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    assert.match(metrics, /^# TYPE realtime_sockets gauge$/m);
    assert.equal((await fetch(`${gateway.url}/openapi.json`)).status, 200);
  });

  test('refuses forged, malformed, expired and partner tokens at the handshake', async () => {
    const forger = await createTestTokenSigner({ kid: 'test-key' });
    const userId = randomUUID();
    const forged = await forger.userToken({ userId, orgId: randomUUID(), roles: ['owner'] });
    const expired = await h.signer.userToken({ userId, expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const partner = await h.signer.userToken({ userId, kind: 'client', orgId: randomUUID() });
    const cases: [unknown, number, RegExp][] = [
      [forged, 401, /not valid/],
      ['not-a-jwt', 401, /not valid/],
      [42, 401, /not valid/],
      [expired, 401, /expired/],
      [partner, 403, /serves people/],
    ];
    for (const [token, status, detail] of cases) {
      const problem = await refusal(open({ token }));
      assert.equal(problem.status, status, String(token));
      assert.match(problem.detail, detail);
      assert.match(problem.type, /^https:\/\/portfolioos\.dev\/problems\//);
    }
  });

  test('user A never receives user B’s notifications; a redelivered event is pushed once', async () => {
    const a = await person();
    const b = await person();
    const anonymous = await connected(open());
    const seenByA = received<InAppNotification>(a.socket, 'notification');
    const seenByAnonymous = received<InAppNotification>(anonymous, 'notification');
    const seenByB = received<InAppNotification>(b.socket, 'notification');

    const forB = notificationRequested(b.userId);
    const eventId = await h.publish(REQUESTED, forB.notification_id, forB);
    await next(
      b.socket,
      'notification',
      (n: InAppNotification) => n.notification_id === forB.notification_id,
    );
    // The same event again (a redelivery), then one for A: A hears only its own, B hears its own once.
    await h.publish(REQUESTED, forB.notification_id, forB, eventId);
    const forA = notificationRequested(a.userId, { channels: ['IN_APP'] });
    await h.publish(REQUESTED, forB.notification_id, { ...forA });
    const pushed = await next<InAppNotification>(a.socket, 'notification');
    assert.equal(pushed.notification_id, forA.notification_id);
    assert.deepEqual(
      { title: pushed.title, link: pushed.link, template: pushed.template },
      { title: forA.title, link: forA.link, template: forA.template },
    );
    // Published on B's key after B's, so the redelivery was consumed before A's notification arrived.
    assert.deepEqual(
      seenByA.map((n) => n.notification_id),
      [forA.notification_id],
    );
    assert.deepEqual(
      seenByB.map((n) => n.notification_id),
      [forB.notification_id],
    );
    assert.deepEqual(seenByAnonymous, []);
  });

  test('a notification not for the in-app channel is not pushed', async () => {
    const a = await person();
    const seen = received<InAppNotification>(a.socket, 'notification');
    const emailOnly = notificationRequested(a.userId, { channels: ['EMAIL'] });
    const inApp = notificationRequested(a.userId);
    const key = randomUUID();
    await h.publish(REQUESTED, key, emailOnly);
    await h.publish(REQUESTED, key, inApp);
    await next(
      a.socket,
      'notification',
      (n: InAppNotification) => n.notification_id === inApp.notification_id,
    );
    assert.deepEqual(
      seen.map((n) => n.notification_id),
      [inApp.notification_id],
    );
  });

  test('staff hear their own organization’s listing statuses, never another’s; tenants not at all', async () => {
    const orgA = randomUUID();
    const staffA = await person(orgA, ['manager']);
    const tenantA = await person(orgA, ['tenant']);
    const staffB = await person(randomUUID(), ['owner']);
    const seenByB = received<OrgListingStatus>(staffB.socket, 'listing:status');
    const seenByTenant = received<OrgListingStatus>(tenantA.socket, 'listing:status');
    const draft = listingSnapshot({ organization_id: orgA, status: 'DRAFT', published_at: null });
    await h.publish(SNAPSHOT, draft.listing_id, draft);
    const status = await next<OrgListingStatus>(staffA.socket, 'listing:status');
    assert.deepEqual(status, {
      listing_id: draft.listing_id,
      unit_id: draft.unit_id,
      version: 1,
      status: 'draft',
      occurred_at: new Date(draft.occurred_at).toISOString(),
    });
    // B's own listing, on the same key, arrives after A's draft was pushed.
    const ofB = listingSnapshot({ listing_id: draft.listing_id, organization_id: staffB.orgId!, version: 2 });
    await h.publish(SNAPSHOT, draft.listing_id, ofB);
    await next(staffB.socket, 'listing:status', (s: OrgListingStatus) => s.version === 2);
    assert.deepEqual(
      seenByB.map((s) => s.version),
      [2],
    );
    assert.deepEqual(seenByTenant, []);
  });

  test('a viewport hears listing changes inside it, never outside; drafts stay private', async () => {
    const viewer = await connected(open());
    const ack = await request<Ack<{ id: string; zoom: number; bbox: [number, number, number, number] }>>(
      viewer,
      'viewport:subscribe',
      {
        bbox: AUSTIN_VIEWPORT,
      },
    );
    assert.ok(ack.ok);
    const [west, south, east, north] = ack.result.bbox;
    assert.ok(west <= AUSTIN_VIEWPORT[0] && south <= AUSTIN_VIEWPORT[1]);
    assert.ok(east >= AUSTIN_VIEWPORT[2] && north >= AUSTIN_VIEWPORT[3]);
    const changes = received<ListingChange>(viewer, 'listing:changed');

    const key = randomUUID(); // one key: the events are consumed in this order
    const inDenver = listingSnapshot({ location: DENVER });
    const draft = listingSnapshot({ status: 'DRAFT', published_at: null });
    const published = listingSnapshot();
    const leased = { ...published, version: 2, status: 'LEASED' as const };
    const withdrawn = { ...published, version: 3, status: 'WITHDRAWN' as const };
    for (const snapshot of [inDenver, draft, published, leased, withdrawn])
      await h.publish(SNAPSHOT, key, snapshot);
    await next(viewer, 'listing:changed', (c: ListingChange) => c.version === 3);
    assert.deepEqual(
      changes.map((c) => [c.listing_id, c.version, c.change]),
      [
        [published.listing_id, 1, 'upserted'],
        [published.listing_id, 2, 'leased'],
        [published.listing_id, 3, 'unpublished'],
      ],
    );
    assert.deepEqual(changes[0]!.listing, {
      title: published.title,
      rent_minor: 180_000,
      currency: 'USD',
      beds: 2,
      baths: 1.5,
      property_type: 'apartment',
      cover_photo_url: 'https://img.example/1.jpg',
    });
    assert.equal(changes[1]!.listing, null);

    // Unsubscribed: nothing more, even inside.
    assert.ok((await request<Ack<unknown>>(viewer, 'viewport:unsubscribe', { id: ack.result.id })).ok);
    const observer = await connected(open());
    assert.ok((await request<Ack<unknown>>(observer, 'viewport:subscribe', { bbox: AUSTIN_VIEWPORT })).ok);
    const again = listingSnapshot();
    await h.publish(SNAPSHOT, key, again);
    await next(observer, 'listing:changed', (c: ListingChange) => c.listing_id === again.listing_id);
    assert.equal(changes.length, 3);
  });

  test('viewports are validated and bounded per socket', async () => {
    const socket = await connected(open());
    for (const payload of [
      { bbox: [-97.7, 30.2, -97.8, 30.3] },
      { bbox: [-97.8, 30.3, -97.7, 30.2] },
      { bbox: [-200, 30.2, -97.7, 30.3] },
      { bbox: [-97.8, 30.2, -97.7] },
      { bbox: [-97.8, 30.2, -97.7, 30.3], room: 'user:someone' },
      'user:someone',
      null,
    ]) {
      const ack = await request<Ack<unknown>>(socket, 'viewport:subscribe', payload);
      assert.ok(!ack.ok && ack.problem.status === 400, JSON.stringify(payload));
    }
    const world = await request<Ack<{ zoom: number }>>(socket, 'viewport:subscribe', {
      bbox: [-180, -90, 180, 90],
    });
    assert.ok(world.ok && world.result.zoom <= 3);
    for (let i = 1; i < 4; i++)
      assert.ok((await request<Ack<unknown>>(socket, 'viewport:subscribe', { bbox: AUSTIN_VIEWPORT })).ok);
    const fifth = await request<Ack<unknown>>(socket, 'viewport:subscribe', { bbox: AUSTIN_VIEWPORT });
    assert.ok(!fifth.ok && fifth.problem.status === 429);
    const unknown = await request<Ack<unknown>>(socket, 'viewport:unsubscribe', { id: 'nope' });
    assert.ok(!unknown.ok && unknown.problem.status === 404);
  });

  test('token expiry ends the connection unless the client refreshed it in time', async () => {
    const userId = randomUUID();
    const soon = () => Math.floor(Date.now() / 1000) + 3;
    const expiring = open({ token: await h.signer.userToken({ userId, expiresIn: soon() }) });
    const expired = next(expiring, 'auth:expired');
    const gone = disconnection(expiring);
    const refreshed = await connected(
      open({ token: await h.signer.userToken({ userId, expiresIn: soon() }) }),
    );
    const fresh = await h.signer.userToken({ userId, expiresIn: '10m' });
    const someoneElse = await h.signer.userToken({ userId: randomUUID() });
    const refused = await request<Ack<unknown>>(refreshed, 'auth:refresh', { token: someoneElse });
    assert.ok(!refused.ok && refused.problem.status === 403);
    const renewed = await request<Ack<{ expires_at: string }>>(refreshed, 'auth:refresh', { token: fresh });
    assert.ok(renewed.ok && Date.parse(renewed.result.expires_at) > Date.now() + 60_000);

    await expired;
    assert.equal(await gone, 'io server disconnect');
    // The refreshed one still hears its person's notifications.
    const note = notificationRequested(userId);
    await h.publish(REQUESTED, randomUUID(), note);
    await next(
      refreshed,
      'notification',
      (n: InAppNotification) => n.notification_id === note.notification_id,
    );
    assert.ok(refreshed.connected);
  });

  test('a socket that stops reading is dropped once its buffer is full; the others keep receiving', async () => {
    const slow = await connected(open());
    const healthy = await connected(open());
    for (const socket of [slow, healthy])
      assert.ok((await request<Ack<unknown>>(socket, 'viewport:subscribe', { bbox: AUSTIN_VIEWPORT })).ok);
    // Stop reading from the TCP socket: the kernel buffers fill, then the server's queue for it grows.
    const engine = slow.io.engine as unknown as { transport: { ws: { _socket: { pause(): void } } } };
    engine.transport.ws._socket.pause();
    const serverSockets = () => gateway.app.realtime.local.fetchSockets();
    const before = (await serverSockets()).length;
    const gotHealthy = received<ListingChange>(healthy, 'listing:changed');
    const big = { ...listingSnapshot(), title: 'x'.repeat(32 * 1024) };
    const { pointRooms } = await import('../src/viewport/tiles.js');
    const { publicListingChange } = await import('../src/listings/listing-change.js');
    let sent = 0;
    // In step with the healthy client, so only the one that stopped reading accumulates a backlog.
    while ((await serverSockets()).length === before && sent < 5_000) {
      gateway.app.realtime.to(pointRooms(big.location.lat, big.location.lng)).emit('listing:changed', {
        ...publicListingChange(big)!,
        version: ++sent,
      });
      await next(healthy, 'listing:changed', (c: ListingChange) => c.version === sent);
    }
    assert.equal((await serverSockets()).length, before - 1, `still connected after ${sent} large events`);
    assert.equal(gotHealthy.length, sent);
    assert.ok(healthy.connected);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    assert.match(metrics, /^realtime_slow_consumer_disconnects_total\{[^}]*\} 1$/m);
  });
});
