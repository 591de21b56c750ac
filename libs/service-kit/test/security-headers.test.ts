import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notFound, type ServicePlugin } from '@portfolioos/service-kit';
import { buildTestApp } from './helper.js';

const routes: ServicePlugin = async (app) => {
  app.get('/units', async () => ({ items: [] }));
  app.get('/units/:id', async () => {
    throw notFound();
  });
};

const cspOf = (header: unknown) =>
  new Map(
    String(header)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );

test('every response carries the security headers: successes, problems and unknown routes alike', async (t) => {
  const app = await buildTestApp(t, routes);
  for (const url of ['/units', '/units/1', '/nowhere', '/healthz', '/openapi.json']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    assert.equal(res.headers['x-powered-by'], undefined, url);
    assert.match(String(res.headers['strict-transport-security']), /max-age=\d{7,}/, url);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
    const csp = cspOf(res.headers['content-security-policy']);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], url);
    assert.deepEqual(csp.get('object-src'), ["'none'"], url);
  }
});

test('/docs loads under its CSP: every script and stylesheet it names is same-origin, served, none inline', async (t) => {
  const app = await buildTestApp(t, routes);
  const redirect = await app.inject({ method: 'GET', url: '/docs' });
  const pageUrl = redirect.statusCode === 302 ? String(redirect.headers.location) : '/docs';
  const page = await app.inject({ method: 'GET', url: pageUrl });
  assert.equal(page.statusCode, 200);
  const csp = cspOf(page.headers['content-security-policy']);
  assert.deepEqual(csp.get('script-src'), ["'self'"]);
  assert.deepEqual(csp.get('style-src'), ["'self'"]);
  assert.equal(csp.has('upgrade-insecure-requests'), false, '/docs is served over plain HTTP locally');

  // 'self' without 'unsafe-inline' only works if the page has no inline scripts or styles.
  assert.doesNotMatch(page.body, /<script(?![^>]*\bsrc=)[^>]*>/i);
  assert.doesNotMatch(page.body, /<style/i);
  const base = new URL(pageUrl, 'http://service.test');
  const assets = [...page.body.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+)"/gi)].map(
    ([, ref]) => new URL(ref as string, base),
  );
  assert.ok(assets.length >= 4, `scripts and stylesheets of the page: ${assets.join(', ')}`);
  for (const asset of assets) {
    assert.equal(asset.origin, base.origin, `${asset} is same-origin ('self')`);
    const res = await app.inject({ method: 'GET', url: asset.pathname });
    assert.equal(res.statusCode, 200, asset.pathname);
  }
  // The initializer fetches the document relative to the page, i.e. from this origin (connect-src 'self').
  const initializer = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
  assert.match(initializer.body, /url: resolveUrl\('\.\/json'\)/);
  assert.equal((await app.inject({ method: 'GET', url: '/docs/json' })).statusCode, 200);
});
