import { DEMO_ACCOUNT } from './accounts.js';
import { DEMO_CITIES } from './cities.js';
import { callJson, requireRunning, type ServiceUrls } from './http-client.js';
import { signUpOrSignIn } from './identity-account.js';
import { startProgress } from './progress.js';
import { planProperty, type PropertyPlan } from './property-plan.js';
import { itemSeed, seededRandom } from './random.js';

/** A few hundred listings: enough for a populated map, quick to create through the API. */
const DEMO_LISTINGS = 300;
const DEMO_STREAM = 1;
// Properties created at once: quicker on a cold start, gentle on a laptop.
const PARALLEL_PROPERTIES = 4;

/** The demo portfolio, the same on every machine: properties round-robin over the demo cities. */
export function demoPlans(): PropertyPlan[] {
  const plans: PropertyPlan[] = [];
  for (let i = 0, units = 0; units < DEMO_LISTINGS; i += 1) {
    // Tighter than the bench spread: a newcomer zooming on a city should see a dense map.
    const plan = planProperty(
      seededRandom(itemSeed(DEMO_STREAM, i)),
      DEMO_CITIES[i % DEMO_CITIES.length]!,
      0.6,
    );
    plans.push(plan);
    units += plan.units.length;
  }
  return plans;
}

/**
 * `npm run seed`: the demo organization and its owner through identity's sign-up, then properties, units
 * and published listings through the listings API — the events reach search exactly as in production.
 * A second run finds the organization populated and does nothing.
 */
export async function seedDemo(urls: ServiceUrls): Promise<void> {
  await requireRunning({ identity: urls.identity, listings: urls.listings });
  const { accessToken, created } = await signUpOrSignIn(urls.identity, DEMO_ACCOUNT);
  const plans = demoPlans();
  const present = created ? new Set<string>() : await existingProperties(urls.listings, accessToken);
  const missing = plans.filter((plan) => !present.has(propertyKey(plan.property)));
  if (missing.length === 0) {
    console.log(`Demo data already present (${present.size} properties); nothing to do.`);
  } else {
    const total = missing.reduce((n, p) => n + p.units.length, 0);
    const progress = startProgress('demo listings', total, 'listings');
    let count = 0;
    const next = missing[Symbol.iterator]();
    const worker = async () => {
      for (let plan = next.next(); !plan.done; plan = next.next()) {
        // Read `count` only after the await: `count += await …` would drop the other workers' counts.
        const created = await createProperty(urls.listings, accessToken, plan.value);
        count += created;
        progress.update(count);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_PROPERTIES }, worker)).finally(() => progress.stop());
    console.log(`Demo data created: ${missing.length} properties, ${total} published listings.`);
  }
  console.log(`Demo login: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`);
}

/** Creates one property, its units in one bulk call, and a published listing per unit; returns the count. */
async function createProperty(listingsUrl: string, token: string, plan: PropertyPlan): Promise<number> {
  const property = await callJson<{ id: string }>(listingsUrl, 'POST', '/v1/properties', {
    body: plan.property,
    token,
  });
  const { items } = await callJson<{ items: { id: string }[] }>(
    listingsUrl,
    'POST',
    `/v1/properties/${property.id}/units/bulk`,
    { body: { units: plan.units.map((u) => u.unit) }, token },
  );
  await Promise.all(
    plan.units.map(async ({ listing }, i) => {
      const created = await callJson<{ id: string }>(listingsUrl, 'POST', '/v1/listings', {
        body: { unit_id: items[i]!.id, ...listing },
        token,
      });
      await callJson(listingsUrl, 'POST', `/v1/listings/${created.id}/publish`, { token });
    }),
  );
  return plan.units.length;
}

// A property is recognised by name, street address and city (the plan never repeats all three), so an
// interrupted run resumes with the ones still missing.
const propertyKey = (p: { name: string; address: { line1: string; city: string } }) =>
  `${p.name}|${p.address.line1}|${p.address.city}`;

async function existingProperties(listingsUrl: string, token: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: Parameters<typeof propertyKey>[0][]; next_cursor: string | null } = await callJson(
      listingsUrl,
      'GET',
      `/v1/properties?limit=200${query}`,
      { token },
    );
    for (const item of page.items) keys.add(propertyKey(item));
    cursor = page.next_cursor;
  } while (cursor);
  return keys;
}
