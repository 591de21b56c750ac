import { randomUUID } from 'node:crypto';

/** Who the fuzzer calls as: an owner of a fresh organization and a read-only viewer in it. */
export interface FuzzPrincipals {
  orgId: string;
  ownerId: string;
  viewerId: string;
  ownerToken: string;
  viewerToken: string;
  /** A still pending invitation, so invitation paths get a real id. */
  invitationId: string;
}

const PASSWORD = 'correct horse battery staple';

/** One JSON call to a booted service; throws unless it answers `expected`. */
export async function callJson(
  baseUrl: string,
  method: string,
  path: string,
  expected: number,
  options: { body?: unknown; token?: string } = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * Signs up an owner and brings in a viewer the way people do it (invitation, accept link, accept), at the
 * identity the fuzzer booted: real access tokens every other service verifies against its JWKS.
 */
export async function createPrincipals(identityUrl: string): Promise<FuzzPrincipals> {
  const signedUp = await callJson(identityUrl, 'POST', '/v1/auth/signup', 201, {
    body: {
      email: `fuzz-owner-${randomUUID()}@example.com`,
      password: PASSWORD,
      display_name: 'Fuzz Owner',
      organization: { name: 'Fuzz Rentals' },
    },
  });
  const orgId = signedUp.organization_id as string;
  const ownerToken = (signedUp.tokens as { access_token: string }).access_token;
  const invite = (email: string) =>
    callJson(identityUrl, 'POST', `/v1/orgs/${orgId}/invitations`, 201, {
      token: ownerToken,
      body: { email, role: 'viewer' },
    });
  const viewerInvitation = await invite(`fuzz-viewer-${randomUUID()}@example.com`);
  const link = await callJson(
    identityUrl,
    'POST',
    `/v1/orgs/${orgId}/invitations/${viewerInvitation.id as string}/accept-link`,
    201,
    { token: ownerToken },
  );
  const accepted = await callJson(identityUrl, 'POST', '/v1/auth/invitations/accept', 200, {
    body: { token: link.token, password: PASSWORD, display_name: 'Fuzz Viewer' },
  });
  const viewerToken = accepted.access_token as string;
  const viewer = await callJson(identityUrl, 'GET', '/v1/me', 200, { token: viewerToken });
  const pending = await invite(`fuzz-invitee-${randomUUID()}@example.com`);
  return {
    orgId,
    ownerId: signedUp.user_id as string,
    viewerId: (viewer.user as { id: string }).id,
    ownerToken,
    viewerToken,
    invitationId: pending.id as string,
  };
}
