// The web service over HTTP, from the client build in dist/client (nx builds it before the tests run).
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { freePort } from '@portfolioos/testing';
import { buildWebApp } from '../src/app.js';
import { readConfig } from '../src/config.js';

describe('the web service', () => {
  let app: ServiceApp;
  let assetsDir: string;
  before(async () => {
    // Nothing listens on this port: listings is down for the whole suite (the pages must say so, not 500).
    const down = `http://127.0.0.1:${await freePort()}`;
    const config = readConfig({ LOG_LEVEL: 'silent', LISTINGS_URL: down, IDENTITY_URL: down });
    assetsDir = `${config.CLIENT_DIR}/assets`;
    app = await buildWebApp(config);
  });
  after(() => app.close());

  test('the shell is no-cache, carries the runtime config and a CSP that lets MapLibre run', async () => {
    const response = await app.inject({ url: '/' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(
      response.body,
      /<script type="application\/json" id="portfolioos-config">\{"mapStyleUrl":""\}<\/script>/,
    );
    assert.match(
      response.body,
      /<script type="module" crossorigin src="\/assets\/app-[\w-]+\.js"><\/script>/,
    );
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /worker-src 'self' blob:/);
    assert.match(csp, /connect-src 'self'(;|$)/, 'the offline basemap fetches nothing from elsewhere');
  });

  test('hashed assets are cached for a year, immutable, and sent compressed to who accepts it', async () => {
    const script = (await readdir(assetsDir)).find((f) => /^app-[\w-]+\.js$/.test(f));
    assert.ok(script, 'the build has the app script');
    const response = await app.inject({
      url: `/assets/${script}`,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(response.headers['content-encoding'], 'br');
    const missing = await app.inject({ url: '/assets/app-00000000.js' });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /^application\/problem\+json/);
  });

  test('a listing page for a malformed id is a 400 problem; with listings down a 503 problem, never a 500', async () => {
    const malformed = await app.inject({ url: '/listings/not-an-id' });
    assert.equal(malformed.statusCode, 400);
    assert.match(String(malformed.headers['content-type']), /^application\/problem\+json/);
    const down = await app.inject({ url: '/listings/5b1f7c3e-8a43-4a53-9a57-0d1d2b0e7a11' });
    assert.equal(down.statusCode, 503, down.body);
    assert.equal(down.json().type, 'https://portfolioos.dev/problems/upstream-unavailable');
  });

  test('/readyz stays ready but degraded while listings is down: the map still works', async () => {
    const response = await app.inject({ url: '/readyz' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'degraded');
  });

  test('the session endpoints: only from the app itself (CSRF), no cookie is a 401, identity down a 503', async () => {
    const post = (url: string, headers: Record<string, string>, body: unknown = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify(body),
      });
    const fromApp = { origin: 'http://127.0.0.1:8080' };
    for (const headers of <Record<string, string>[]>[
      {},
      { origin: 'https://evil.example' },
      { ...fromApp, 'sec-fetch-site': 'cross-site' },
    ]) {
      const refused = await post('/session/login', headers, { email: 'a@example.com', password: 'x' });
      assert.equal(refused.statusCode, 403, JSON.stringify(headers));
      assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
    }
    const noCookie = await post('/session/refresh', { ...fromApp, 'sec-fetch-site': 'same-origin' });
    assert.equal(noCookie.statusCode, 401);
    const badBody = await post('/session/refresh', fromApp, { refresh_token: 'from a script' });
    assert.equal(badBody.statusCode, 400, 'the refresh token is only ever read from the cookie');
    const down = await post('/session/login', fromApp, { email: 'a@example.com', password: 'x' });
    assert.equal(down.statusCode, 503, down.body);
    assert.equal(down.json().type, 'https://portfolioos.dev/problems/upstream-unavailable');
    assert.equal(down.headers['set-cookie'], undefined);
  });

  test('/openapi.json is the merged public document; the web service own document is at /openapi/web.json', async () => {
    const merged = (await app.inject({ url: '/openapi.json' })).json();
    assert.equal(merged.info.title, 'PortfolioOS API');
    assert.ok('/v1/auth/login' in merged.paths && '/session/login' in merged.paths);
    const own = (await app.inject({ url: '/openapi/web.json' })).json();
    assert.equal(own.info.title, 'PortfolioOS web');
  });
});
