// Identity's "done" flow through the real ingress on :8080, identity running as `npm start` runs it (its
// own process on :3001, the real `identity` database, Redis, Kafka, registry): sign up, log in, /v1/me,
// invite a manager who accepts, an API key. It lives in e2e, the one package whose tests start services
// on their fixed ports, so the packages' integration tests can run in parallel beside each other.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { call } from './ingress.js';
import { startServices } from './services.js';

const PASSWORD = 'correct horse battery staple';
const newEmail = (who: string) => `${who}-${randomBytes(4).toString('hex')}@example.com`;

let stop: () => Promise<void> = async () => {};

before(async () => {
  stop = await startServices({ identity: 3001 });
});
after(() => stop());

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
  // As `npm start` runs identity (devEnvironment sets DEV_INVITER_LINKS_CREATE_ACCOUNTS): with no mail
  // service yet, the link the owner mints is how the invited manager, who has no account, gets in.
  const link = await call(
    'POST',
    `/v1/orgs/${orgId}/invitations/${invite.body.id}/accept-link`,
    undefined,
    owner,
  );
  assert.equal(link.status, 201, JSON.stringify(link.body));
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
