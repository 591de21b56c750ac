import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ServiceApp } from '@portfolioos/service-kit';

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

/** Invites `email` into `inviter`'s organization as `role` and accepts with `password` (new or existing account). */
export async function inviteAndAccept(
  app: ServiceApp,
  inviter: SignedUp,
  email: string,
  role: string,
  password = PASSWORD,
): Promise<TokenPairBody> {
  const headers = bearer(inviter.tokens.access_token);
  const invited = await app.inject({
    method: 'POST',
    url: `/v1/orgs/${inviter.orgId}/invitations`,
    headers,
    payload: { email, role },
  });
  assert.equal(invited.statusCode, 201, invited.body);
  const link = await app.inject({
    method: 'POST',
    url: `/v1/orgs/${inviter.orgId}/invitations/${invited.json().id}/accept-link`,
    headers,
  });
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/auth/invitations/accept',
    payload: { token: link.json().token, password, display_name: 'Invited Person' },
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  return accepted.json();
}
