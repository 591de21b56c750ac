import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import type { ListingChange } from '../src/listings/listing-change.js';
import type { InAppNotification } from '../src/notifications/in-app-notification.js';
import { client, connected, next, received, request } from './support/clients.js';
import { AUSTIN_VIEWPORT, listingSnapshot, notificationRequested } from './support/fixtures.js';
import { createGatewayHarness, type GatewayHarness, type Replica } from './support/gateway-harness.js';

const ROUTES = JSON.parse(readFileSync(new URL('../../../deploy/routes.json', import.meta.url), 'utf8')) as {
  ingress: { port: number };
  services: { realtime: { port: number } };
};
const INGRESS = `http://127.0.0.1:${ROUTES.ingress.port}`;
const SNAPSHOT = 'portfolioos.listings.ListingSnapshot';
const REQUESTED = 'portfolioos.notifications.NotificationRequested';

/** The server-side socket of a client, on whichever replica holds it. */
const serverSide = async (replica: Replica, id: string | undefined) =>
  (await replica.app.realtime.local.fetchSockets()).find((socket) => socket.id === id);

/** Waits until `replica` no longer holds the socket (the server saw the disconnect). */
async function goneFrom(replica: Replica, id: string | undefined): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (await serverSide(replica, id)) {
    if (Date.now() > deadline) throw new Error(`socket ${id} still on the replica`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// Two replicas in one process, sharing the consumer groups and the adapter's Redis stream. Only A runs
// consumers here, so whatever B's clients hear was consumed by A and crossed Redis.
describe('two gateway replicas behind Redis', { timeout: 120_000 }, () => {
  let h: GatewayHarness;
  let a: Replica;
  let b: Replica;
  const sockets: Socket[] = [];
  const track = (socket: Socket) => (sockets.push(socket), socket);

  before(async () => {
    h = await createGatewayHarness({ RECOVERY_MAX_DISCONNECT_MS: '30000' });
    // A on realtime's own port: the ingress on :8080 routes /realtime there (deploy/routes.json).
    [a, b] = await Promise.all([
      h.replica({ consumers: true, port: ROUTES.services.realtime.port }),
      h.replica({ consumers: false }),
    ]);
  });
  after(async () => {
    for (const socket of sockets) socket.disconnect();
    await h.close();
  });

  test('socket.io clients connect through the ingress (websocket, and long-polling upgraded)', async () => {
    for (const transports of [['websocket'], ['polling', 'websocket']]) {
      const userId = randomUUID();
      const socket = track(client(INGRESS, { token: await h.signer.userToken({ userId }) }, { transports }));
      await connected(socket);
      if (socket.io.engine.transport.name !== 'websocket')
        await new Promise<void>((resolve) => socket.io.engine.once('upgrade', () => resolve()));
      assert.equal(socket.io.engine.transport.name, 'websocket');
      const note = notificationRequested(userId);
      await h.publish(REQUESTED, note.notification_id, note);
      await next(
        socket,
        'notification',
        (n: InAppNotification) => n.notification_id === note.notification_id,
      );
    }
  });

  test('a client on replica B gets what replica A consumed (user room and viewport)', async () => {
    const userId = randomUUID();
    const onB = await connected(track(client(b.url, { token: await h.signer.userToken({ userId }) })));
    const viewerOnB = await connected(track(client(b.url)));
    assert.ok(
      ((await request(viewerOnB, 'viewport:subscribe', { bbox: AUSTIN_VIEWPORT })) as { ok: boolean }).ok,
    );
    const note = notificationRequested(userId);
    const listing = listingSnapshot();
    const pushed = Promise.all([
      next(onB, 'notification', (n: InAppNotification) => n.notification_id === note.notification_id),
      next(viewerOnB, 'listing:changed', (c: ListingChange) => c.listing_id === listing.listing_id),
    ]);
    await h.publish(REQUESTED, note.notification_id, note);
    await h.publish(SNAPSHOT, listing.listing_id, listing);
    await pushed;
  });

  test('after a short disconnect, a client resumes on the other replica with what it missed', async () => {
    const userId = randomUUID();
    const token = await h.signer.userToken({ userId });
    const socket = track(client(a.url, { token }, { reconnection: true }));
    await connected(socket);
    assert.ok(
      ((await request(socket, 'viewport:subscribe', { bbox: AUSTIN_VIEWPORT })) as { ok: boolean }).ok,
    );
    // An event first, so the client holds an offset in the stream to resume from.
    const first = notificationRequested(userId);
    await h.publish(REQUESTED, userId, first);
    await next(socket, 'notification', (n: InAppNotification) => n.notification_id === first.notification_id);
    const notes = received<InAppNotification>(socket, 'notification');
    const changes = received<ListingChange>(socket, 'listing:changed');

    const id = socket.id;
    // Cut the connection as a network would, and point the client's next attempt at replica B.
    (socket.io as unknown as { uri: string }).uri = b.url;
    socket.io.engine.close();
    await goneFrom(a, id);
    const missed = notificationRequested(userId);
    const listing = listingSnapshot();
    await h.publish(REQUESTED, userId, missed);
    await h.publish(SNAPSHOT, listing.listing_id, listing);

    await next(socket, 'listing:changed', (c: ListingChange) => c.listing_id === listing.listing_id);
    assert.ok(socket.recovered, 'the session was recovered');
    assert.equal(socket.id, id);
    assert.ok(await serverSide(b, id), 'now on replica B');
    assert.deepEqual(
      notes.map((n) => n.notification_id),
      [missed.notification_id],
    );
    assert.equal(changes.length, 1);
  });

  test('a session id presented with another person’s token restores nothing', async () => {
    const victimId = randomUUID();
    const victimToken = await h.signer.userToken({ userId: victimId });
    const victim = await connected(track(client(a.url, { token: victimToken })));
    const otherDevice = await connected(track(client(a.url, { token: victimToken })));
    const first = notificationRequested(victimId);
    await h.publish(REQUESTED, victimId, first);
    await next(victim, 'notification', (n: InAppNotification) => n.notification_id === first.notification_id);
    const internals = victim as unknown as { _pid: string; _lastOffset: string };
    const stolen = { pid: internals._pid, offset: internals._lastOffset };
    const id = victim.id;
    victim.io.engine.close();
    await goneFrom(a, id);
    const missed = notificationRequested(victimId);
    await h.publish(REQUESTED, victimId, missed);
    // The victim's other device has it: the missed event is in the stream a recovery would replay.
    await next(
      otherDevice,
      'notification',
      (n: InAppNotification) => n.notification_id === missed.notification_id,
    );

    for (const auth of [{}, { token: await h.signer.userToken({ userId: randomUUID() }) }]) {
      const attacker = track(client(b.url, { ...auth, ...stolen }));
      const seen = received<InAppNotification>(attacker, 'notification');
      await connected(attacker);
      assert.equal(attacker.recovered, false);
      assert.notEqual(attacker.id, id);
      const rooms = [...((await serverSide(b, attacker.id))?.rooms ?? [])];
      assert.ok(!rooms.includes(`user:${victimId}`), rooms.join());
      // A round trip after the handshake: anything sent with the CONNECT would have arrived by now.
      assert.ok(
        ((await request(attacker, 'viewport:subscribe', { bbox: AUSTIN_VIEWPORT })) as { ok: boolean }).ok,
      );
      assert.deepEqual(seen, []);
    }
  });
});
