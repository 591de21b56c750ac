// `npm run seed`, as `npm start` runs it on a first start: the demo landlord can sign in, their portfolio is
// published around the demo cities and shows on the public map, and a second run changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_ACCOUNT, DEMO_CITIES } from '@portfolioos/listings/seed';
import { call } from './ingress.js';
import { runDemoSeed } from './seed.js';
import { startServices } from './services.js';

let stop: () => Promise<void> = async () => {};

before(async () => {
  stop = await startServices({ identity: 3001, listings: 3002 });
});
after(() => stop());

/** Every item of a staff collection of the caller's organization, through its pages. */
async function allPages<T>(path: string, token: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await call('GET', `${path}?limit=100${cursor ? `&cursor=${cursor}` : ''}`, undefined, token);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    items.push(...page.body.items);
    cursor = page.body.next_cursor;
  } while (cursor);
  return items;
}

interface Property {
  id: string;
  address: { city: string };
  location: { lat: number; lng: number };
}

test('the demo seed publishes a portfolio the demo landlord owns and the public map shows; a rerun adds nothing', async () => {
  assert.match(
    await runDemoSeed(),
    new RegExp(`Demo login: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`),
  );
  const login = await call('POST', '/v1/auth/login', {
    email: DEMO_ACCOUNT.email,
    password: DEMO_ACCOUNT.password,
  });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const token = login.body.access_token as string;

  const seeded = await allPages<{ id: string; status: string }>('/v1/listings', token);
  assert.ok(seeded.length >= 300, `${seeded.length} demo listings`);
  assert.ok(
    seeded.every((l) => l.status === 'published'),
    'every demo listing is published',
  );
  const properties = await allPages<Property>('/v1/properties', token);

  // Other organizations may have listings in the same cities: look right at one demo property per city.
  for (const city of DEMO_CITIES) {
    const property = properties.find((p) => p.address.city === city.name);
    assert.ok(property, `a demo property in ${city.name}`);
    const { lat, lng } = property.location;
    const bbox = [lng - 0.0001, lat - 0.0001, lng + 0.0001, lat + 0.0001].map((n) => n.toFixed(6)).join(',');
    const found = await call('GET', `/v1/listings/search?bbox=${bbox}&limit=200`);
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.ok(
      found.body.items.some((item: { property_id: string }) => item.property_id === property.id),
      `the public map shows the demo property in ${city.name}`,
    );
  }

  assert.match(await runDemoSeed(), /Demo data already present/);
  const again = await allPages<{ id: string }>('/v1/listings', token);
  assert.deepEqual(
    new Set(again.map((l) => l.id)),
    new Set(seeded.map((l) => l.id)),
    'a second run creates nothing',
  );
});
