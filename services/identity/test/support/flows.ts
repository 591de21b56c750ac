import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ServiceApp } from '@portfolioos/service-kit';
import { TEST_INTERNAL_TOKEN } from './internal-token.js';

export const PASSWORD = 'correct horse battery staple';

export interface TokenPairBody {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export interface SignedUp {
  email: string;
  userId: string;
  orgId: string;
  tokens: TokenPairBody;
}

/** A unique, valid email address. */
export const newEmail = (who = 'person'): string => `${who}-${randomBytes(4).toString('hex')}@example.com`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Signs up a new owner with a new organization. */
export async function signUp(app: ServiceApp, orgName = 'Maple Street Rentals'): Promise<SignedUp> {
  const email = newEmail('owner');
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/signup',
    payload: { email, password: PASSWORD, display_name: 'Olive Owner', organization: { name: orgName } },
  });
  assert.equal(response.statusCode, 201, response.body);
  const body = response.json();
  return { email, userId: body.user_id, orgId: body.organization_id, tokens: body.tokens };
}

export async function login(app: ServiceApp, email: string, password = PASSWORD, organizationId?: string) {
  return app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password, ...(organizationId ? { organization_id: organizationId } : {}) },
  });
}

/** `inviter` invites `email` into their organization as `role`; returns the invitation id. */
export async function invite(app: ServiceApp, inviter: SignedUp, email: string, role: string) {
  const invited = await app.inject({
    method: 'POST',
    url: `/v1/orgs/${inviter.orgId}/invitations`,
    headers: bearer(inviter.tokens.access_token),
    payload: { email, role },
  });
  assert.equal(invited.statusCode, 201, invited.body);
  return invited.json().id as string;
}

/**
 * The accept link the mail service would deliver to the invited address (a `mailed` link, the only kind that
 * can create an account): minted at identity's internal endpoint, as notifications will.
 */
export async function mailedAcceptToken(app: ServiceApp, invitationId: string): Promise<string> {
  const link = await app.inject({
    method: 'POST',
    url: `/internal/v1/invitations/${invitationId}/accept-link`,
    headers: bearer(TEST_INTERNAL_TOKEN),
  });
  assert.equal(link.statusCode, 201, link.body);
  return link.json().token;
}

/**
 * Invites `email` into `inviter`'s organization as `role`; the invitee accepts with `password` (new or existing
 * account) through the link mailed to them.
 */
export async function inviteAndAccept(
  app: ServiceApp,
  inviter: SignedUp,
  email: string,
  role: string,
  password = PASSWORD,
): Promise<TokenPairBody> {
  const invitationId = await invite(app, inviter, email, role);
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/auth/invitations/accept',
    payload: { token: await mailedAcceptToken(app, invitationId), password, display_name: 'Invited Person' },
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  return accepted.json();
}

/** A partner API key created by `creator`'s access token: `{ key, id, prefix, … }`. */
export async function createApiKey(app: ServiceApp, accessToken: string, scopes: string[] = ['leases:read']) {
  const created = await app.inject({
    method: 'POST',
    url: '/v1/api-keys',
    headers: bearer(accessToken),
    payload: { name: 'Partner', scopes },
  });
  assert.equal(created.statusCode, 201, created.body);
  return created.json() as { key: string; id: string; prefix: string };
}
