import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { eventTopics } from '@portfolioos/schemas';
import { propertyBody } from '../src/properties/schemas.js';
import { unitBody } from '../src/units/schemas.js';
import { listingBody } from '../src/listings/schemas.js';
import { benchPlan, benchProperty } from '../tools/seed/bench-plan.js';
import { topUpBenchListings, type BulkSeedOptions } from '../tools/seed/bulk-seed.js';
import { CITIES, DEMO_CITIES, type City } from '../tools/seed/cities.js';
import { demoPlans } from '../tools/seed/demo-seed.js';
import type { PropertyPlan } from '../tools/seed/property-plan.js';
import { itemSeed, seededRandom } from '../tools/seed/random.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';
import { haversineMetres } from './support/seed.js';
import { outboxRows, seededRows, tableCounts, withoutIds, type SeededRow } from './support/seeded-rows.js';

const cityOf = (name: string, country: string): City => {
  const city = CITIES.find((c) => c.name === name && c.country === country);
  assert.ok(city, `${name}, ${country} is not a city of cities.ts`);
  return city;
};
// The formats the request schemas use (fastify checks them with ajv-formats; TypeBox needs them registered).
FormatRegistry.Set('uuid', (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v));
FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));

const unitsIn = (plans: PropertyPlan[]) => plans.reduce((n, plan) => n + plan.units.length, 0);

describe('seed plans (pure)', () => {
  test('seededRandom repeats for a seed, stays in range, and reaches both ends of int()', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 2000 }, () => a.next());
    assert.deepEqual(
      draws,
      Array.from({ length: 2000 }, () => b.next()),
    );
    assert.ok(draws.every((x) => x >= 0 && x < 1));
    assert.notDeepEqual(draws.slice(0, 10), Array.from({ length: 10 }, seededRandom(43).next));
    const ints = Array.from({ length: 2000 }, () => a.int(3, 7));
    assert.deepEqual([...new Set(ints)].sort(), [3, 4, 5, 6, 7]);
  });

  test('every city parses into a usable time zone, currency, postal code and street', () => {
    const currencies = new Set(Intl.supportedValuesOf('currency'));
    for (const city of CITIES) {
      assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: city.timeZone }), city.name);
      assert.ok(currencies.has(city.currency), `${city.name}: ${city.currency}`);
      assert.match(city.country, /^[A-Z]{2}$/);
      assert.ok(city.postalCodes.length > 0 && city.streets.length > 0, city.name);
      assert.ok(Math.abs(city.lat) <= 90 && Math.abs(city.lng) <= 180, city.name);
    }
    assert.ok(DEMO_CITIES.length > 0 && DEMO_CITIES.length < CITIES.length);
  });

  test('benchProperty(i) does not depend on what was generated before it (resumable)', () => {
    const inOrder = Array.from({ length: 30 }, (_, i) => benchProperty(i));
    assert.deepEqual(benchProperty(17), inOrder[17]);
    assert.notDeepEqual(benchProperty(17), benchProperty(18));
  });

  test('benchPlan yields whole properties in index order, about batchSize a batch, exactly the count asked', () => {
    const batches = [...benchPlan(5, 437, 50)];
    const plans = batches.flat();
    assert.equal(unitsIn(plans), 437);
    batches.slice(0, -1).forEach((batch) => assert.ok(unitsIn(batch) >= 50));
    batches.forEach((batch) => assert.ok(unitsIn(batch.slice(0, -1)) < 50, 'a batch closes once it is full'));
    // Only the last property is cut short to hit the count exactly.
    plans.slice(0, -1).forEach((plan, i) => assert.deepEqual(plan, benchProperty(5 + i)));
    const last = benchProperty(5 + plans.length - 1);
    assert.deepEqual(plans.at(-1)!.units, last.units.slice(0, plans.at(-1)!.units.length));
    assert.deepEqual([...benchPlan(0, 0, 50)], []);
  });

  test('plans are valid request bodies of the listings API', () => {
    const plans = [...benchPlan(0, 1500, 1500)].flat().concat(demoPlans());
    for (const plan of plans) {
      assert.ok(Value.Check(propertyBody, plan.property), JSON.stringify(plan.property));
      const numbers = plan.units.map((u) => u.unit.number);
      assert.equal(new Set(numbers).size, numbers.length, 'unit numbers are unique in a property');
      for (const { unit, listing } of plan.units) {
        assert.ok(Value.Check(unitBody, unit), JSON.stringify(unit));
        assert.ok(Value.Check(listingBody, { unit_id: randomUUID(), ...listing }), JSON.stringify(listing));
        assert.equal(
          unit.currency,
          cityOf(plan.property.address.city, plan.property.address.country).currency,
        );
      }
    }
  });

  test('the demo plan: a few hundred listings round-robin over the demo cities, each property recognisable', () => {
    const plans = demoPlans();
    assert.deepEqual(plans, demoPlans());
    const units = unitsIn(plans);
    assert.ok(units >= 300 && units - plans.at(-1)!.units.length < 300, `${units} listings`);
    plans.forEach((plan, i) =>
      assert.equal(plan.property.address.city, DEMO_CITIES[i % DEMO_CITIES.length]!.name),
    );
    // A re-run finds the properties already created by name, street address and city.
    const keys = plans.map(({ property: p }) => `${p.name}|${p.address.line1}|${p.address.city}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  test('listing copy states the pet policy and where the unit is', () => {
    const petSentence = {
      none: 'Sorry, no pets.',
      cats: 'Cats welcome.',
      dogs: 'Dogs welcome.',
      cats_and_dogs: 'Cats and dogs welcome.',
      case_by_case: 'Pets considered case by case.',
    };
    const plans = [...benchPlan(0, 300, 300)].flat();
    for (const { property, units } of plans)
      for (const { unit, listing } of units) {
        assert.ok(listing.description.includes(petSentence[listing.pet_policy]), listing.description);
        assert.ok(listing.description.includes(`in ${property.address.city}.`), listing.description);
        assert.equal(/\bstudio\b/.test(listing.title), unit.beds === 0, listing.title);
      }
    assert.ok(new Set(plans.flatMap((p) => p.units.map((u) => u.listing.title))).size > 200, 'titles vary');
  });

  test('itemSeed gives each item of a stream its own seed', () => {
    const seeds = Array.from({ length: 10_000 }, (_, i) => itemSeed(2, i));
    assert.equal(new Set(seeds).size, seeds.length);
    assert.notEqual(itemSeed(1, 0), itemSeed(2, 0));
  });
});

describe('bulk seed (topUpBenchListings) on a throwaway listings database', () => {
  let h: ListingsHarness;
  const options: BulkSeedOptions = { listings: 400, batchSize: 90, concurrency: 2 };
  const orgA = randomUUID();
  before(async () => {
    h = await createListingsHarness();
  });
  after(() => h.close());

  test('writes exactly N published listings with their units, properties and public search rows', async () => {
    const result = await topUpBenchListings(h.handle.db, orgA, options);
    assert.equal(result.organizationId, orgA);
    assert.deepEqual([result.before, result.after], [0, 400]);
    assert.ok(result.insertRate !== null && result.insertRate > 0);

    const counts = await tableCounts(h.admin, orgA);
    const rows = await seededRows(h.admin, orgA);
    const properties = new Set(rows.map((r) => r.propertyId));
    assert.deepEqual(counts, {
      properties: properties.size,
      units: 400,
      listings: 400,
      published: 400,
      public: 400,
    });
    assert.ok(rows.every((r) => r.status === 'published' && r.version === 1));
    // Leasing computes "today" at the property's time zone in SQL: PostgreSQL must know every zone seeded.
    const zones = await h.admin.query<{ zone: string }>(
      `select distinct time_zone as zone from properties
        where org_id = $1 and time_zone not in (select name from pg_timezone_names)`,
      [orgA],
    );
    assert.deepEqual(zones.rows, []);
    const publicIds = await h.admin.query<{ id: string }>(
      'select listing_id as id from public_listings where org_id = $1',
      [orgA],
    );
    assert.deepEqual(publicIds.rows.map((r) => r.id).sort(), rows.map((r) => r.listingId).sort());
    // What landed is the plan of the same size: its properties, with their units' listings.
    const planned = [...benchPlan(0, 400, 400)]
      .flat()
      .flatMap(({ property: p, units }) =>
        units.map((u) => [
          p.name,
          p.address.line1,
          p.location.lat,
          p.location.lng,
          u.unit.number,
          u.listing.title,
        ]),
      );
    const landed = rows.map((r) => [r.propertyName, r.line1, r.lat, r.lng, r.unitNumber, r.title]);
    const sorted = (list: unknown[][]) => list.map((x) => JSON.stringify(x)).sort();
    assert.deepEqual(sorted(landed), sorted(planned));
  });

  test('puts every property near the city in its address, most of them within its usual spread', async () => {
    const byProperty = new Map((await seededRows(h.admin, orgA)).map((r) => [r.propertyId, r]));
    let withinSpread = 0;
    for (const row of byProperty.values()) {
      const city = cityOf(row.city, row.country);
      assert.equal(row.region, city.region);
      assert.equal(row.timeZone, city.timeZone);
      const km = haversineMetres(row, city) / 1000;
      // Out-of-town properties spread five times wider; none lies beyond five of those deviations.
      assert.ok(km < 5 * 5 * city.spreadKm, `${row.propertyName} is ${km.toFixed(0)} km from ${city.name}`);
      if (km < 3 * city.spreadKm) withinSpread += 1;
    }
    assert.ok(
      withinSpread >= 0.9 * byProperty.size,
      `${withinSpread} of ${byProperty.size} within 3 spreads`,
    );
    assert.ok(new Set([...byProperty.values()].map((r) => r.city)).size >= 10, 'spread over many cities');
  });

  test('prices each listing in its city currency, at the local rent level, higher with more bedrooms', async () => {
    const rows = await seededRows(h.admin, orgA);
    const ratios = new Map<number, number[]>();
    for (const row of rows) {
      const city = cityOf(row.city, row.country);
      assert.equal(row.currency, city.currency);
      assert.equal(row.unitCurrency, city.currency);
      assert.equal(row.priceMinor, row.askingRentMinor);
      assert.equal(row.priceMinor % 2500, 0, 'rounded to 25 major units');
      const ratio = row.priceMinor / 100 / city.oneBedRent;
      assert.ok(ratio > 0.4 && ratio < 5, `${row.priceMinor} ${row.currency} in ${city.name}`);
      ratios.set(row.beds, [...(ratios.get(row.beds) ?? []), ratio]);
    }
    const means = [...ratios.entries()]
      .filter(([, list]) => list.length >= 10)
      .sort(([a], [b]) => a - b)
      .map(([, list]) => list.reduce((s, x) => s + x, 0) / list.length);
    assert.ok(means.length >= 4);
    means.slice(1).forEach((mean, i) => assert.ok(mean > means[i]!, `mean rent ratios by beds ${means}`));
  });

  test('enqueues PropertyCreated, UnitCreated and one ACTIVE ListingSnapshot per listing', async () => {
    const rows = await seededRows(h.admin, orgA);
    const events = await outboxRows(h.admin, orgA);
    const keysOf = (type: string) => {
      const ofType = events.filter((e) => e.eventType === `portfolioos.listings.${type}`);
      ofType.forEach((e) => assert.equal(e.topic, eventTopics[e.eventType as keyof typeof eventTopics]));
      return ofType.map((e) => e.key).sort();
    };
    const ids = (pick: (r: SeededRow) => string) => [...new Set(rows.map(pick))].sort();
    assert.deepEqual(
      keysOf('PropertyCreated'),
      ids((r) => r.propertyId),
    );
    assert.deepEqual(
      keysOf('UnitCreated'),
      ids((r) => r.unitId),
    );
    assert.deepEqual(
      keysOf('ListingSnapshot'),
      ids((r) => r.listingId),
    );
    assert.equal(events.length, new Set(rows.map((r) => r.propertyId)).size + 800, 'nothing else');
    const byId = new Map(rows.map((r) => [r.listingId, r]));
    for (const event of events.filter((e) => e.eventType.endsWith('ListingSnapshot'))) {
      const row = byId.get(event.key)!;
      assert.equal(event.payload.status, 'ACTIVE');
      assert.equal(event.payload.version, 1);
      assert.equal(Number(event.payload.rent_amount_minor), row.priceMinor);
      assert.equal(event.payload.unit_id, row.unitId);
    }
  });

  test('the same inputs give the same data set (another organization, ids aside)', async () => {
    const orgB = randomUUID();
    await topUpBenchListings(h.handle.db, orgB, { ...options, batchSize: 400, concurrency: 1 });
    assert.deepEqual(
      withoutIds(await seededRows(h.admin, orgB)),
      withoutIds(await seededRows(h.admin, orgA)),
    );
    assert.equal((await tableCounts(h.admin, orgA)).listings, 400, 'the other organization is untouched');
  });

  test('a re-run with the same N adds nothing; a larger N adds exactly the difference', async () => {
    const before = await seededRows(h.admin, orgA);
    const eventsBefore = await outboxRows(h.admin, orgA);
    const again = await topUpBenchListings(h.handle.db, orgA, options);
    assert.deepEqual([again.before, again.after, again.insertRate], [400, 400, null]);
    assert.equal((await seededRows(h.admin, orgA)).length, 400);
    assert.equal((await outboxRows(h.admin, orgA)).length, eventsBefore.length);

    const more = await topUpBenchListings(h.handle.db, orgA, { ...options, listings: 530 });
    assert.deepEqual([more.before, more.after], [400, 530]);
    const rows = await seededRows(h.admin, orgA);
    const counts = await tableCounts(h.admin, orgA);
    assert.deepEqual([counts.listings, counts.published, counts.public, counts.units], [530, 530, 530, 530]);
    const old = new Set(before.map((r) => r.listingId));
    assert.deepEqual(
      rows
        .filter((r) => old.has(r.listingId))
        .map((r) => JSON.stringify(r))
        .sort(),
      before.map((r) => JSON.stringify(r)).sort(),
      'earlier listings are left as they were',
    );
    const added = rows.filter((r) => !old.has(r.listingId));
    const oldProperties = new Set(before.map((r) => r.propertyId));
    assert.ok(
      added.every((r) => !oldProperties.has(r.propertyId)),
      'the top-up adds new properties',
    );
    const newEvents = (await outboxRows(h.admin, orgA)).filter((e) => e.id > eventsBefore.at(-1)!.id);
    assert.equal(newEvents.length, new Set(added.map((r) => r.propertyId)).size + 2 * added.length);
  });
});
