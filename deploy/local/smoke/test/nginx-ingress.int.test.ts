import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { freePort } from '@portfolioos/testing';

// The renderer the stack runs (deploy/local/components/nginx.sh), run the same way.
const renderer = fileURLToPath(new URL('../../render-nginx.mjs', import.meta.url));

// A private nginx from the same renderer, in front of one probe upstream, so the shared ingress is untouched.
test('the local ingress sends HSTS and nosniff once on proxied answers and on its own errors', async (t) => {
  const upstream = createServer((_request, response) => {
    // What a service sends itself (helmet): the ingress replaces it rather than doubling it.
    response.setHeader('strict-transport-security', 'max-age=1');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('content-type', 'application/json');
    response.end('{"ok":true}');
  });
  const servicePort = await freePort();
  await new Promise<void>((resolve) => upstream.listen(servicePort, '127.0.0.1', resolve));
  t.after(() => upstream.close());

  const stateDir = mkdtempSync(join(tmpdir(), 'portfolioos-nginx-'));
  for (const dir of ['nginx/tmp', 'logs', 'run']) mkdirSync(join(stateDir, dir), { recursive: true });
  const ingressPort = await freePort();
  const table = {
    ingress: { port: ingressPort },
    services: { probe: { port: servicePort }, gone: { port: await freePort() } },
    routes: [
      { prefix: '/v1/probe', service: 'probe' },
      { prefix: '/v1/gone', service: 'gone' },
    ],
  };
  const routes = join(stateDir, 'routes.json');
  writeFileSync(routes, JSON.stringify(table));
  const conf = join(stateDir, 'nginx', 'nginx.conf');
  execFileSync(process.execPath, [renderer, '--routes', routes, '--state-dir', stateDir, '--out', conf]);
  const nginx = ['-p', join(stateDir, 'nginx'), '-c', conf, '-e', join(stateDir, 'logs', 'nginx.log')];
  execFileSync('nginx', nginx);
  t.after(() => {
    const pid = Number(readFileSync(join(stateDir, 'run', 'nginx.pid'), 'utf8'));
    process.kill(pid, 'SIGQUIT');
    rmSync(stateDir, { recursive: true, force: true });
  });

  const hsts = 'max-age=31536000; includeSubDomains';
  for (const [path, status] of [
    ['/v1/probe', 200],
    ['/nowhere', 404],
    ['/v1/gone', 502],
  ] as const) {
    const response = await fetch(`http://127.0.0.1:${ingressPort}${path}`);
    await response.arrayBuffer();
    assert.equal(response.status, status, path);
    assert.equal(response.headers.get('strict-transport-security'), hsts, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
  }
});
