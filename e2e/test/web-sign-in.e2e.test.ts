// Issue #11's sign-in in a real browser, through the ingress, with identity and the web service as
// `npm start` runs them: sign up (identity's field errors beside the field), the session cookie (httpOnly,
// SameSite=Strict, scoped to /session; nothing in web storage), a reload that keeps the session, sign-out,
// keyboard sign-in with a wrong then right password, and the lockout message. Screenshots: e2e/results/.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, screenshot } from './browser.js';
import { INGRESS_URL } from './ingress.js';
import { startServices } from './services.js';

const PASSWORD = 'correct horse battery staple';
const email = `landlord-${randomBytes(4).toString('hex')}@example.com`;
let stop: () => Promise<void> = async () => {};
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  stop = await startServices({ identity: 3001, listings: 3002, web: 3000 });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  await stop();
});

const workspaceShown = (p: Page) => p.waitForSelector('h1:text("Properties")', { timeout: 15_000 });

test('sign-up shows the API field errors by their field, then signs in with the session in an httpOnly cookie', async () => {
  await page.goto(`${INGRESS_URL}/signup`);
  await page.getByLabel('Your name').fill('Lena Landlord');
  await page.getByLabel('Organization name').fill('Lakeside Rentals');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Choose a password').fill('short');
  await page.getByRole('button', { name: 'Create an account' }).click();
  const password = page.getByLabel('Choose a password');
  await page.waitForSelector('#field-password[aria-invalid=true]');
  assert.match(await page.locator('#field-password-error').innerText(), /10/);
  assert.equal(await page.getByRole('alert').innerText(), 'Some fields need attention.');
  await screenshot(page, 'signup-errors');
  await assertAccessible(page, 'sign-up page (with errors)');

  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.waitForURL(/\/workspace$/);
  await workspaceShown(page);
  assert.match(await page.locator('.account-nav').innerText(), /Lena Landlord · Owner/);
  assert.match(await page.locator('.empty-state').innerText(), /Add your first property/);
  await screenshot(page, 'workspace-empty');
  await assertAccessible(page, 'workspace (empty)');

  const [cookie, ...others] = await context.cookies(INGRESS_URL + '/session');
  assert.equal(others.length, 0);
  assert.equal(cookie?.name, 'portfolioos_session');
  assert.equal(cookie?.httpOnly, true);
  assert.equal(cookie?.sameSite, 'Strict');
  assert.equal(cookie?.path, '/session');
  // Plain http on loopback (local development) is the one case without Secure (src/session/session-cookie.ts).
  assert.equal(cookie?.secure, false);
  const stored = await page.evaluate(() => ({
    cookies: document.cookie,
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  }));
  assert.deepEqual(stored, { cookies: '', storage: '{}{}' }, 'no token where scripts can read it');
});

test('the session endpoints refuse requests that do not come from the app (CSRF)', async () => {
  const [cookie] = await context.cookies(INGRESS_URL + '/session');
  const attempt = (headers: Record<string, string>) =>
    fetch(`${INGRESS_URL}/session/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${cookie!.name}=${cookie!.value}`, ...headers },
      body: '{}',
    });
  const crossSite = await attempt({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
  assert.equal(crossSite.status, 403);
  assert.match(String(crossSite.headers.get('content-type')), /^application\/problem\+json/);
  assert.equal((await attempt({})).status, 403, 'no Origin: not a page of ours');
  // The refused requests did not use the refresh token: the page's session still refreshes.
  await page.reload();
  await workspaceShown(page);
});

test('a reload keeps the session; sign-out ends it and the workspace then asks to sign in', async () => {
  await page.reload();
  await workspaceShown(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login$/);
  assert.deepEqual(await context.cookies(INGRESS_URL + '/session'), []);
  await page.goto(`${INGRESS_URL}/workspace`);
  await page.waitForURL(/\/login\?next=%2Fworkspace$/);
});

test('signing in by keyboard: a wrong password is announced, the right one opens the workspace', async () => {
  await page.goto(`${INGRESS_URL}/login`);
  // The email field has focus on arrival; Tab moves to the password, Enter submits.
  await page.waitForSelector('#field-email:focus');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('not the password');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent !== '');
  assert.match(await alert.innerText(), /password/i);
  await screenshot(page, 'login-wrong-password');
  await assertAccessible(page, 'login page (wrong password)');

  await page.locator('#field-password').fill(PASSWORD);
  await page.waitForSelector('button:text("Sign in"):not([disabled])');
  const answered = page.waitForResponse((r) => r.url().endsWith('/session/login'));
  await page.keyboard.press('Enter');
  const response = await answered;
  assert.equal(response.status(), 200, await response.text());
  await page.waitForURL(/\/workspace$/);
  await workspaceShown(page);
});

test('repeated wrong passwords lock the account and the page says for how long', async () => {
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.goto(`${INGRESS_URL}/login`);
  const stranger = `nobody-${randomBytes(4).toString('hex')}@example.com`;
  await phone.getByLabel('Email').fill(stranger);
  let message = '';
  for (let attempt = 1; attempt <= 8 && !/try again in/.test(message); attempt++) {
    await phone.getByLabel('Password').fill(`wrong guess ${attempt}`);
    const answered = phone.waitForResponse((r) => r.url().endsWith('/session/login'));
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await answered;
    await phone.waitForSelector('button:text("Sign in"):not([disabled])');
    message = await phone.getByRole('alert').innerText();
  }
  assert.match(message, /try again in \d+ minutes?\./);
  await screenshot(phone, 'login-locked-phone');
  await assertAccessible(phone, 'login page (locked, phone)');
  await phone.close();
});
