import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { stack, uniqueName } from '@portfolioos/testing';
import { createLeaseConsumer, type LeaseConsumer } from '../src/leasing/lease-consumer.js';
import { bearer, createListing, createProperty, createUnit, publishListing } from './support/flows.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';
import { createLeaseTopic, leaseSigned, silentLogger } from './support/lease-events.js';

describe('listing status follows leasing (consumer group on leasing.lease)', () => {
  let h: ListingsHarness;
  let leases: Awaited<ReturnType<typeof createLeaseTopic>>;
  let consumer: LeaseConsumer;
  const groupId = uniqueName('listings-leasing-test');

  before(async () => {
    h = await createListingsHarness();
    leases = await createLeaseTopic();
    consumer = createLeaseConsumer({
      kafkaBrokers: [...stack.kafkaBrokers],
      schemaRegistryUrl: stack.schemaRegistryUrl,
      leasesTopic: leases.topic,
      groupId,
      db: h.handle.db,
      logger: silentLogger,
    });
    await consumer.worker.start();
    await consumer.joined();
  });
  after(async () => {
    await consumer.worker.stop();
    await leases.close(groupId);
    await h.close();
  });

  /** Waits until the consumer has recorded the event in its inbox (applied, or recognised as a no-op). */
  async function processed(eventId: string) {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { rows } = await h.admin.query('select 1 from inbox where consumer = $1 and event_id = $2', [
        groupId,
        eventId,
      ]);
      if (rows.length > 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`event ${eventId} was not processed in time`);
  }

  async function listingState(id: string) {
    const { rows } = await h.admin.query('select status, version from listings where id = $1', [id]);
    return rows[0] as { status: string; version: number };
  }

  async function snapshotStatuses(listingId: string) {
    const { rows } = await h.admin.query(
      `select payload->>'status' as status, (payload->>'version')::int as version
         from outbox where key = $1 and event_type = 'portfolioos.listings.ListingSnapshot' order by id`,
      [listingId],
    );
    return rows.map((r) => [r.version, r.status]);
  }

  /** An organization with a published listing (and a draft) on one unit. */
  async function publishedUnit(t: Parameters<ListingsHarness['app']>[0]) {
    const app = await h.app(t);
    const org = randomUUID();
    const token = await h.token(org);
    const property = await createProperty(app, token, { location: { lat: 51.5, lng: -0.12 } });
    const unit = await createUnit(app, token, property.id);
    const listing = await createListing(app, token, unit.id);
    const draft = await createListing(app, token, unit.id, { title: 'Not yet' });
    await publishListing(app, token, listing.id);
    return { app, org, token, unit, listing, draft };
  }

  test('a signed lease takes the published listing off the market, once, with a LEASED snapshot', async (t) => {
    const { app, org, unit, listing, draft } = await publishedUnit(t);
    const lease = leaseSigned(org, unit.id);
    const eventId = await leases.publish(lease);
    await processed(eventId);
    assert.deepEqual(await listingState(listing.id), { status: 'leased', version: 3 });
    assert.deepEqual(await listingState(draft.id), { status: 'draft', version: 1 }, 'drafts stay drafts');
    assert.deepEqual(await snapshotStatuses(listing.id), [
      [1, 'DRAFT'],
      [2, 'ACTIVE'],
      [3, 'LEASED'],
    ]);
    const search = await app.inject({ url: '/v1/listings/search?bbox=-1,51,0,52' });
    assert.deepEqual(search.json().items, [], 'no longer publicly searchable');

    await leases.publish(lease, { eventId }); // a redelivery: the inbox skips it
    await processed(await leases.publish(leaseSigned(randomUUID(), randomUUID()))); // marker after it
    assert.equal((await listingState(listing.id)).version, 3, 'the redelivery changed nothing');
    assert.equal((await snapshotStatuses(listing.id)).length, 3);
  });

  test("another organization's event, unknown units and a mismatched envelope change nothing", async (t) => {
    const { org, unit, listing } = await publishedUnit(t);
    const otherOrg = randomUUID();
    await processed(await leases.publish(leaseSigned(otherOrg, unit.id)));
    await processed(await leases.publish(leaseSigned(org, randomUUID())));
    await processed(await leases.publish(leaseSigned(org, unit.id), { envelopeOrg: otherOrg }));
    assert.deepEqual(await listingState(listing.id), { status: 'published', version: 2 });
    const { rows } = await h.admin.query(
      `select count(*)::int as n from outbox where event_type like 'portfolioos.listings.%' and payload->>'status' = 'LEASED' and key = $1`,
      [listing.id],
    );
    assert.equal(rows[0].n, 0);
  });

  test('old news is ignored: a lease already over, or one signed before staff re-published', async (t) => {
    const { app, org, token, unit, listing } = await publishedUnit(t);
    const ended = leaseSigned(org, unit.id, { startDate: '2020-01-01', endDate: '2021-01-01' });
    await processed(await leases.publish(ended));
    assert.equal((await listingState(listing.id)).status, 'published', 'a replayed, finished lease');

    const signedBefore = leaseSigned(org, unit.id, { occurredAt: new Date(Date.now() - 60_000) });
    await processed(await leases.publish(signedBefore));
    assert.equal((await listingState(listing.id)).status, 'published', 'published after that signing');

    // Staff re-list a leased unit by publishing again; leasing never re-publishes on its own.
    await processed(await leases.publish(leaseSigned(org, unit.id)));
    assert.equal((await listingState(listing.id)).status, 'leased');
    const relisted = await app.inject({
      method: 'POST',
      url: `/v1/listings/${listing.id}/publish`,
      headers: bearer(token),
    });
    assert.equal(relisted.statusCode, 200, relisted.body);
    assert.equal(relisted.json().status, 'published');
  });
});
