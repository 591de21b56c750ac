// Issue 4's first user-facing flow through the ingress: a landlord publishes a unit, and an anonymous
// prospective tenant finds it on the map (PostGIS, listings) and by text (Elasticsearch, search),
// the latter fed by the snapshot events the listings outbox publishes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { call, signUpOwner } from './ingress.js';
import { startServices } from './services.js';

let stop: () => Promise<void> = async () => {};

before(async () => {
  stop = await startServices({ identity: 3001, listings: 3002, search: 3003 });
});
after(() => stop());

test('a landlord publishes a listing; an anonymous visitor finds it on the map and by text', async () => {
  const token = await signUpOwner('Lena Landlord', 'Lena Homes');

  // A unique word in the title so the text search finds this listing and no other.
  const marker = `kestrel${randomUUID().slice(0, 8)}`;
  const property = await call(
    'POST',
    '/v1/properties',
    {
      name: 'Riverside Lofts',
      property_type: 'multi_family',
      address: {
        line1: '500 E Cesar Chavez St',
        city: 'Austin',
        region: 'TX',
        postal_code: '78701',
        country: 'US',
      },
      location: { lat: 30.2615, lng: -97.739 },
      time_zone: 'America/Chicago',
    },
    token,
  );
  assert.equal(property.status, 201, JSON.stringify(property.body));
  const unit = await call(
    'POST',
    `/v1/properties/${property.body.id}/units`,
    {
      number: '4B',
      beds: 2,
      baths: 1.5,
      asking_rent_minor: 245_000,
      currency: 'USD',
    },
    token,
  );
  assert.equal(unit.status, 201, JSON.stringify(unit.body));
  const listing = await call(
    'POST',
    '/v1/listings',
    {
      unit_id: unit.body.id,
      title: `Sunny riverside loft ${marker}`,
      description: 'Walk to the lake trail.',
    },
    token,
  );
  assert.equal(listing.status, 201, JSON.stringify(listing.body));
  const published = await call('POST', `/v1/listings/${listing.body.id}/publish`, undefined, token);
  assert.equal(published.status, 200, JSON.stringify(published.body));

  const bbox = '-97.7400,30.2610,-97.7380,30.2620';
  const onMap = await call('GET', `/v1/listings/search?bbox=${bbox}&limit=200`);
  assert.equal(onMap.status, 200);
  assert.ok(
    onMap.body.items.some((i: { id: string }) => i.id === listing.body.id),
    'found by the map search',
  );

  const deadline = Date.now() + 15_000;
  let byText: { status: number; body: { items: { id: string }[] } } | undefined;
  while (Date.now() < deadline) {
    byText = await call('GET', `/v1/search/listings?q=${marker}&bbox=${bbox}`);
    if (byText.body?.items?.length) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.deepEqual(
    byText?.body.items.map((i) => i.id),
    [listing.body.id],
    'indexed from the snapshot topic',
  );
});
