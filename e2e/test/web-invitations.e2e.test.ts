// Issue #11's accept-invitation page and organization switcher in a real browser, through the ingress:
// an owner (made over the API) invites a new person, who sets a name and password on a phone, and an
// existing landlord, who accepts with their own password and then switches between their organizations.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, screenshot } from './browser.js';
import { call, INGRESS_URL } from './ingress.js';
import { startServices } from './services.js';

const PASSWORD = 'correct horse battery staple';
const newEmail = (who: string) => `${who}-${randomBytes(4).toString('hex')}@example.com`;
let stop: () => Promise<void> = async () => {};
let browser: Browser;
let owner: { token: string; orgId: string };

before(async () => {
  stop = await startServices({ identity: 3001, listings: 3002, web: 3000 });
  browser = await launchBrowser();
  const signUp = await call('POST', '/v1/auth/signup', {
    email: newEmail('owner'),
    password: PASSWORD,
    display_name: 'Hana Hilltop',
    organization: { name: 'Hilltop Homes' },
  });
  assert.equal(signUp.status, 201, JSON.stringify(signUp.body));
  owner = { token: signUp.body.tokens.access_token, orgId: signUp.body.organization_id };
});
after(async () => {
  await browser?.close();
  await stop();
});

/** The accept link the owner mints for a new invitation of `email` as `role` (identity's handed link). */
async function inviteLink(email: string, role: string): Promise<string> {
  const invitation = await call('POST', `/v1/orgs/${owner.orgId}/invitations`, { email, role }, owner.token);
  assert.equal(invitation.status, 201, JSON.stringify(invitation.body));
  const link = await call(
    'POST',
    `/v1/orgs/${owner.orgId}/invitations/${invitation.body.id}/accept-link`,
    undefined,
    owner.token,
  );
  assert.equal(link.status, 201, JSON.stringify(link.body));
  return `${INGRESS_URL}/accept-invitation?token=${encodeURIComponent(link.body.token)}`;
}

const accountNav = (page: Page) => page.locator('.account-nav').innerText();

test('a new person accepts on a phone: names themselves, sets a password, lands in the workspace', async () => {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const link = await inviteLink(newEmail('manager'), 'manager');
  await page.goto(link);
  await page.getByLabel('No, create my account').check();
  await page.getByLabel('Your name').fill('Max Manager');
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await screenshot(page, 'accept-invitation-phone');
  await assertAccessible(page, 'accept-invitation page (phone)');
  await page.getByRole('button', { name: 'Accept and continue' }).click();
  await page.waitForURL(/\/workspace$/);
  await page.waitForSelector('h1:text("Properties")');
  assert.match(await accountNav(page), /Max Manager · Manager/);
  // The link is single-use: a second visit is told so by identity.
  await page.goto(link);
  await page.getByLabel('No, create my account').check();
  await page.getByLabel('Your name').fill('Max Manager');
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept and continue' }).click();
  await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent !== '');
  assert.match(await page.getByRole('alert').innerText(), /not valid or has expired/);
  await page.close();
});

test('an existing landlord accepts with their password, then switches between their organizations', async () => {
  const email = newEmail('landlord');
  const signUp = await call('POST', '/v1/auth/signup', {
    email,
    password: PASSWORD,
    display_name: 'Lena Landlord',
    organization: { name: 'Lakeside Rentals' },
  });
  assert.equal(signUp.status, 201);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(await inviteLink(email, 'viewer'));
  await page.getByLabel('Yes, I will sign in with it').check();
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Accept and continue' }).click();
  await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent !== '');
  assert.match(await page.getByRole('alert').innerText(), /password of the existing account/);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept and continue' }).click();
  await page.waitForURL(/\/workspace$/);
  await page.waitForSelector('h1:text("Properties")');
  assert.match(await accountNav(page), /Lena Landlord · Viewer/);
  const switcher = page.getByLabel('Organization');
  assert.equal(await switcher.locator('option:checked').innerText(), 'Hilltop Homes');
  await screenshot(page, 'workspace-organization-switcher');
  await assertAccessible(page, 'workspace (two organizations)');

  await switcher.selectOption({ label: 'Lakeside Rentals' });
  await page.waitForFunction(() => /Owner/.test(document.querySelector('.account-nav')?.textContent ?? ''));
  // The switch replaced the session cookie: a reload restores the new organization.
  await page.reload();
  await page.waitForSelector('h1:text("Properties")');
  assert.match(await accountNav(page), /Lena Landlord · Owner/);
  assert.equal(
    await page.getByLabel('Organization').locator('option:checked').innerText(),
    'Lakeside Rentals',
  );
  await context.close();
});
