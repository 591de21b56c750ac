// Issue #11's landlord workspace in a real browser, through the ingress with identity, listings and the web
// service as `npm start` runs them: a landlord adds a property (the API's field errors beside the fields),
// edits it, adds and edits a unit, and publishes its listing, whose public page then answers; a viewer of the
// same organization sees it all without edit buttons, and the API refuses them writes anyway.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, screenshot } from './browser.js';
import { call, INGRESS_URL } from './ingress.js';
import { startServices } from './services.js';

const PASSWORD = 'correct horse battery staple';
const email = `landlord-${randomBytes(4).toString('hex')}@example.com`;
let stop: () => Promise<void> = async () => {};
let browser: Browser;
let page: Page;
let propertyUrl = '';

before(async () => {
  stop = await startServices({ identity: 3001, listings: 3002, web: 3000 });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});
after(async () => {
  await browser?.close();
  await stop();
});

const heading = (p: Page, text: string) => p.waitForSelector(`h1:text-is("${text}")`, { timeout: 15_000 });

test('a landlord adds and edits a property and a unit, and publishes its listing', async () => {
  await page.goto(`${INGRESS_URL}/signup`);
  await page.getByLabel('Your name').fill('Wanda Workspace');
  await page.getByLabel('Organization name').fill('Riverbend Rentals');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.waitForSelector('.empty-state, .form-alert:not(.is-empty)');
  assert.equal(
    await page.locator('.form-alert:not(.is-empty)').count(),
    0,
    await page.locator('main').innerText(),
  );

  await page.getByRole('button', { name: 'Add property' }).click();
  const form = page.getByRole('form', { name: 'Add property' });
  await form.getByLabel('Property name').fill('Riverbend Lofts');
  await form.getByLabel('Street address').fill('500 W 2nd St');
  await form.getByLabel('City').fill('Austin');
  await form.getByLabel('State or region').fill('TX');
  await form.getByLabel('Postal code').fill('78701');
  await form.getByLabel('Latitude').fill('95');
  await form.getByLabel('Longitude').fill('-97.75');
  const saved = page.waitForResponse((r) => r.url().endsWith('/v1/properties/'));
  await form.getByRole('button', { name: 'Save property' }).click();
  const refused = await saved;
  assert.equal(refused.status(), 400);
  assert.match(await refused.text(), /location\.lat/);
  // listings refuses a latitude past 90; its message stands beside that field.
  await page.waitForSelector('#field-location-lat[aria-invalid=true]');
  assert.match(await page.locator('#field-location-lat-error').innerText(), /90/);
  await screenshot(page, 'workspace-property-errors');
  await assertAccessible(page, 'workspace (property form with errors)');
  await form.getByLabel('Latitude').fill('30.2672');
  await form.getByRole('button', { name: 'Save property' }).click();
  await heading(page, 'Riverbend Lofts');
  propertyUrl = page.url();
  assert.match(propertyUrl, /\/workspace\/properties\/[0-9a-f-]{36}$/);

  await page.getByRole('button', { name: 'Edit property' }).click();
  await page
    .getByRole('form', { name: 'Edit property' })
    .getByLabel('Property name')
    .fill('Riverbend Lofts East');
  await page.getByRole('button', { name: 'Save property' }).click();
  await heading(page, 'Riverbend Lofts East');

  await page.getByRole('button', { name: 'Add unit' }).click();
  const unitForm = page.getByRole('form', { name: 'Add unit' });
  await unitForm.getByLabel('Unit').fill('2B');
  await unitForm.getByLabel('Beds').fill('2');
  await unitForm.getByLabel('Baths').fill('1.5');
  await unitForm.getByLabel('Monthly rent').fill('1850');
  await unitForm.getByRole('button', { name: 'Save unit' }).click();
  const card = page.locator('.unit-card').first();
  await card.waitFor();
  assert.match(await card.innerText(), /2 beds · 1.5 baths · \$1,850/);
  assert.match(await card.innerText(), /Not listed/);

  await card.getByRole('button', { name: 'Edit unit' }).click();
  await card.getByLabel('Monthly rent').fill('1925.50');
  await card.getByRole('button', { name: 'Save unit' }).click();
  await page.waitForFunction(() =>
    /\$1,925\.50/.test(document.querySelector('.unit-card')?.textContent ?? ''),
  );

  await card.getByRole('button', { name: 'Publish listing' }).click();
  const publicLink = card.getByRole('link', { name: 'View public listing' });
  await publicLink.waitFor();
  assert.match(await card.innerText(), /Published/);
  await screenshot(page, 'workspace-property');
  await assertAccessible(page, 'workspace (property with a published unit)');
  const listing = await fetch(`${INGRESS_URL}${await publicLink.getAttribute('href')}`);
  assert.equal(listing.status, 200);
  assert.match(await listing.text(), /Riverbend Lofts East · Unit 2B/);
});

test('a viewer sees the portfolio without edit buttons, and the API refuses their writes', async () => {
  const owner = await call('POST', '/v1/auth/login', { email, password: PASSWORD });
  const orgId = (await call('GET', '/v1/me', undefined, owner.body.access_token)).body.principal
    .organization_id;
  const viewerEmail = `viewer-${randomBytes(4).toString('hex')}@example.com`;
  const invitation = await call(
    'POST',
    `/v1/orgs/${orgId}/invitations`,
    { email: viewerEmail, role: 'viewer' },
    owner.body.access_token,
  );
  const link = await call(
    'POST',
    `/v1/orgs/${orgId}/invitations/${invitation.body.id}/accept-link`,
    undefined,
    owner.body.access_token,
  );
  assert.equal(link.status, 201, JSON.stringify(link.body));

  const viewer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await viewer.goto(`${INGRESS_URL}/accept-invitation?token=${encodeURIComponent(link.body.token)}`);
  await viewer.getByLabel('No, create my account').check();
  await viewer.getByLabel('Your name').fill('Vic Viewer');
  await viewer.getByLabel('Choose a password').fill(PASSWORD);
  await viewer.getByRole('button', { name: 'Accept and continue' }).click();
  await viewer.waitForSelector('.property-card');
  assert.equal(await viewer.getByRole('button', { name: 'Add property' }).count(), 0);
  await viewer.goto(propertyUrl);
  await heading(viewer, 'Riverbend Lofts East');
  await viewer.locator('.unit-card').waitFor();
  for (const name of ['Edit property', 'Add unit', 'Edit unit', 'Publish listing'])
    assert.equal(await viewer.getByRole('button', { name }).count(), 0, `a viewer has no ${name} button`);
  await screenshot(viewer, 'workspace-viewer');

  const token = (await call('POST', '/v1/auth/login', { email: viewerEmail, password: PASSWORD })).body
    .access_token;
  const id = propertyUrl.split('/').pop();
  const write = await call('PATCH', `/v1/properties/${id}`, { name: 'Renamed by a viewer' }, token);
  assert.equal(write.status, 403, JSON.stringify(write.body));
});
