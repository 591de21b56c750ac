// Issue #11 in a real browser, through the ingress: an anonymous visitor opens the web app, pans to a demo
// city (clusters, then markers), filters by beds, walks back and forward through the URL, and opens a
// listing's server-rendered page; every page passes an axe scan, a phone-sized viewport works, and
// panning never overlaps two searches to the same endpoint. Screenshots: e2e/results/screenshots/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_CITIES } from '@portfolioos/listings/seed';
import { assertAccessible, launchBrowser, screenshot, trackSearches } from './browser.js';
import { INGRESS_URL } from './ingress.js';
import { runDemoSeed } from './seed.js';
import { startServices } from './services.js';

const city = DEMO_CITIES.find((c) => c.name === 'Austin')!;
let stop: () => Promise<void> = async () => {};
let browser: Browser;

before(async () => {
  stop = await startServices({ identity: 3001, listings: 3002, search: 3003, web: 3000 });
  await runDemoSeed();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stop();
});

/** Waits until the map has drawn what it was asked and the searches it started have answered. */
async function settled(page: Page) {
  await page.waitForSelector('.search-map[data-state=idle]', { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('.results')?.getAttribute('aria-busy') === 'false');
}

/** The cluster drawn nearest to the city: the one a visitor heading there would click. */
async function clickClusterNearest(page: Page, lat: number, lng: number) {
  const clusters = await page.locator('.marker-cluster').evaluateAll((elements) =>
    elements.map((e) => ({
      lat: Number(e.getAttribute('data-lat')),
      lng: Number(e.getAttribute('data-lng')),
    })),
  );
  assert.ok(clusters.length > 0, 'clusters are drawn');
  const distances = clusters.map((c) => Math.hypot(c.lat - lat, c.lng - lng));
  const nearest = distances.indexOf(Math.min(...distances));
  // By keyboard, as a keyboard user would (and neighbouring clusters can overlap a pointer's target).
  await page.locator('.marker-cluster').nth(nearest).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.search-map[data-state=moving]', { timeout: 10_000 }).catch(() => undefined);
  await settled(page);
}

/** The beds of every listing in the result list, read from what the page says ("3 beds"). */
const listedBeds = (page: Page) =>
  page
    .locator('.result-facts')
    .allInnerTexts()
    .then((texts) => texts.map((t) => Number(/(\d+) beds?/.exec(t)?.[1])));

test('an anonymous visitor pans to a demo city, sees clusters then markers, filters by beds and opens a listing', async (t) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const searches = trackSearches(page, ['/v1/listings/search', '/v1/search/listings']);

  const started = Date.now();
  await page.goto(`${INGRESS_URL}/`);
  await settled(page);
  t.diagnostic(`map page drawn in ${Date.now() - started} ms`);
  assert.ok((await page.locator('.marker-cluster').count()) > 0, 'the whole country shows counts, not pins');
  assert.equal(await page.locator('.marker-listing').count(), 0);
  await screenshot(page, 'map-clusters');
  await assertAccessible(page, 'map page (clusters)');

  // Heading for the city: click the cluster nearest to it until the map shows each listing.
  for (let clicks = 0; clicks < 8 && (await page.locator('.marker-listing').count()) === 0; clicks++) {
    await clickClusterNearest(page, city.lat, city.lng);
  }
  const markers = await page.locator('.marker-listing').count();
  assert.ok(markers > 0 && markers <= 500, `${markers} listing markers in the city`);
  const view = new URL(page.url()).searchParams;
  assert.ok(
    Math.abs(Number(view.get('lat')) - city.lat) < 0.5,
    `the map is over ${city.name}: ${page.url()}`,
  );

  // The list and the map stay in sync: hovering a result highlights its marker.
  const first = page.locator('.result').first();
  const id = await first.getAttribute('data-id');
  await first.hover();
  await page.waitForSelector(`.marker-listing.is-highlighted[data-id="${id}"], .marker-pin`, {
    timeout: 5000,
  });
  await screenshot(page, 'map-markers');
  await assertAccessible(page, 'map page (markers)');

  // Filtering by beds: a new history entry; every result has at least that many.
  const before = page.url();
  await page.selectOption('select[name=beds]', '2');
  await page.waitForURL(/beds=2/);
  await settled(page);
  const beds = await listedBeds(page);
  assert.ok(beds.length > 0, 'homes with two or more bedrooms are listed');
  assert.ok(
    beds.every((n) => n >= 2),
    `every result has 2+ beds: ${beds.join(',')}`,
  );
  await screenshot(page, 'map-beds-filter');

  // Back undoes the filter (the URL holds the whole search), forward redoes it.
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('beds'));
  assert.equal(await page.inputValue('select[name=beds]'), '');
  assert.equal(new URL(page.url()).searchParams.get('lat'), new URL(before).searchParams.get('lat'));
  await page.goForward();
  await page.waitForURL(/beds=2/);
  assert.equal(await page.inputValue('select[name=beds]'), '2');
  await settled(page);

  // Panning quickly (keyboard): searches replace each other instead of piling up.
  await page.locator('.search-map canvas').focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowLeft']) {
    await page.keyboard.press(key);
  }
  await settled(page);
  for (const [path, { sent, aborted, overlaps }] of searches) {
    t.diagnostic(`${path}: ${sent} sent, ${aborted} aborted by a newer view`);
    assert.ok(sent > 0, `${path} was searched`);
    assert.equal(overlaps, 0, `a ${path} answered while a newer one was in flight`);
  }

  // Opening a listing: its page is server-rendered with title, price and schema.org JSON-LD.
  const result = page.locator('.result a').first();
  const title = await result.locator('.result-title').innerText();
  await result.click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  assert.equal(await page.locator('h1').innerText(), title);
  // Cents when the rent has them: the workspace test publishes $1,925.50 in Austin.
  assert.match(await page.locator('.listing-price').innerText(), /^\$[\d,]+(\.\d{2})? \/ month$/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  assert.equal(jsonLd['@type'], 'RealEstateListing');
  assert.equal(jsonLd.name, title);
  assert.ok(jsonLd.about.numberOfBedrooms >= 2);
  await screenshot(page, 'listing-page');
  await assertAccessible(page, 'listing page');
  assert.deepEqual(errors, [], 'no script errors');
  await page.close();
});

test('on a phone-sized screen the map and the list both work', async () => {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await page.goto(`${INGRESS_URL}/?lat=${city.lat}&lng=${city.lng}&z=12.5`);
  await settled(page);
  assert.ok((await page.locator('.marker-listing').count()) > 0, 'markers on the phone map');
  assert.ok((await page.locator('.result').count()) > 0, 'results under the map');
  await screenshot(page, 'map-phone');
  await assertAccessible(page, 'map page (phone)');
  await page.close();
});

test('the committed API types and merged public OpenAPI match the running services; the ingress serves it', async () => {
  // Fails (exit 1, naming the stale files) when a service's API changed without npm run api:generate.
  await promisify(execFile)(
    process.execPath,
    ['--conditions=@portfolioos/source', '--import', 'tsx', 'tools/generate-api-types.ts', '--check'],
    { cwd: fileURLToPath(new URL('../../services/web', import.meta.url)), timeout: 120_000 },
  );
  const response = await fetch(`${INGRESS_URL}/openapi.json`);
  assert.equal(response.status, 200);
  const document = (await response.json()) as { info: { title: string }; paths: Record<string, unknown> };
  assert.equal(document.info.title, 'PortfolioOS API');
  for (const path of ['/v1/auth/login', '/v1/properties/', '/v1/search/listings', '/session/login'])
    assert.ok(path in document.paths, `${path} is in the public document`);
  assert.ok(
    !('/healthz' in document.paths) && !Object.keys(document.paths).some((p) => p.startsWith('/internal/')),
  );
});
