// The "done" flow through the real ingress on :8080: identity runs as its own process on :3001
// (src/server.ts, real database `identity`, Redis, Kafka, registry), exactly as `npm start` runs it.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { newEmail, PASSWORD } from './support/flows.js';

const INGRESS = process.env.PORTFOLIOOS_TEST_INGRESS_URL ?? 'http://127.0.0.1:8080';
const serviceRoot = fileURLToPath(new URL('..', import.meta.url));
let server: ChildProcess;
// The local stack's development key-encryption key (base64 of 32 ASCII bytes); never used in production.
const LOCAL_DEV_KEK = Buffer.from('portfolioos-local-dev-kek-32byte').toString('base64');

async function call(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${INGRESS}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

before(async () => {
  server = spawn(process.execPath, ['--conditions=@portfolioos/source', '--import', 'tsx', 'src/server.ts'], {
    cwd: serviceRoot,
    env: {
      ...process.env,
      DATABASE_URL:
        process.env.IDENTITY_TEST_DATABASE_URL ?? 'postgres://identity:identity@127.0.0.1:5432/identity',
      // Stable across runs: the keys already in the `identity` database were sealed with it.
      SIGNING_KEY_ENCRYPTION_KEY: process.env.SIGNING_KEY_ENCRYPTION_KEY ?? LOCAL_DEV_KEK,
      HTTP_PORT: '3001',
      LOG_LEVEL: 'warn',
      // As `npm start` runs it (scripts/dev-environment.mjs): with no mail service yet, the owner's link is
      // how the invited manager gets in.
      DEV_INVITER_LINKS_CREATE_ACCOUNTS: 'true',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch('http://127.0.0.1:3001/readyz').catch(() => undefined);
    if (ready?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('identity did not become ready on :3001');
});

after(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

test('through the ingress: sign up, log in, /v1/me, invite a manager who accepts, API key', async () => {
  const email = newEmail('owner');
  const signUp = await call('POST', '/v1/auth/signup', {
    email,
    password: PASSWORD,
    display_name: 'Olive Owner',
    organization: { name: 'Ingress Rentals' },
  });
  assert.equal(signUp.status, 201, JSON.stringify(signUp.body));
  const orgId = signUp.body.organization_id;
  const owner = (await call('POST', '/v1/auth/login', { email, password: PASSWORD })).body.access_token;
  assert.equal((await call('GET', '/v1/me', undefined, owner)).body.user.email, email);
  assert.equal((await call('GET', '/.well-known/jwks.json')).body.keys.length >= 1, true);

  const managerEmail = newEmail('manager');
  const invite = await call(
    'POST',
    `/v1/orgs/${orgId}/invitations`,
    { email: managerEmail, role: 'manager' },
    owner,
  );
  assert.equal(invite.status, 201, JSON.stringify(invite.body));
  const link = await call(
    'POST',
    `/v1/orgs/${orgId}/invitations/${invite.body.id}/accept-link`,
    undefined,
    owner,
  );
  const accepted = await call('POST', '/v1/auth/invitations/accept', {
    token: link.body.token,
    password: PASSWORD,
    display_name: 'Max Manager',
  });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  const manager = (await call('POST', '/v1/auth/login', { email: managerEmail, password: PASSWORD })).body
    .access_token;
  assert.deepEqual((await call('GET', '/v1/me', undefined, manager)).body.principal.roles, ['manager']);

  const key = await call('POST', '/v1/api-keys', { name: 'partner', scopes: ['leases:read'] }, owner);
  assert.equal(key.status, 201);
  assert.equal((await call('GET', `/v1/orgs/${orgId}`, undefined, key.body.key)).status, 200);
});
