import { callJson, ServiceCallError } from './http-client.js';

/** A person and the organization they own, as the seeders sign them up. */
export interface SeedAccount {
  email: string;
  password: string;
  displayName: string;
  organization: { name: string; country: string; timezone: string; default_currency: string };
}

/** The account's organization and an access token acting for it. */
export interface SignedIn {
  organizationId: string;
  accessToken: string;
  /** True when this call created the account (the organization is new and empty). */
  created: boolean;
}

interface TokenPair {
  access_token: string;
}

/**
 * Signs the account up through identity's public API, or signs in when the email is taken (a second
 * seed run). Sign-up first: a failed login would count towards the account's lock-out.
 */
export async function signUpOrSignIn(identityUrl: string, account: SeedAccount): Promise<SignedIn> {
  try {
    const created = await callJson<{ organization_id: string; tokens: TokenPair }>(
      identityUrl,
      'POST',
      '/v1/auth/signup',
      {
        body: {
          email: account.email,
          password: account.password,
          display_name: account.displayName,
          organization: account.organization,
        },
      },
    );
    return {
      organizationId: created.organization_id,
      accessToken: created.tokens.access_token,
      created: true,
    };
  } catch (error) {
    if (!(error instanceof ServiceCallError && error.status === 409)) throw error;
  }
  return { ...(await signIn(identityUrl, account)), created: false };
}

/** Signs in with the account's password; the token acts for its (only) organization. */
export async function signIn(
  identityUrl: string,
  account: Pick<SeedAccount, 'email' | 'password'>,
): Promise<Omit<SignedIn, 'created'>> {
  const tokens = await callJson<TokenPair>(identityUrl, 'POST', '/v1/auth/login', {
    body: { email: account.email, password: account.password },
  }).catch((error: unknown) => {
    if (error instanceof ServiceCallError && error.status === 401)
      throw new Error(`${account.email} exists but the seed password does not match; use another email.`);
    throw error;
  });
  const me = await callJson<{ principal: { organization_id: string | null } }>(identityUrl, 'GET', '/v1/me', {
    token: tokens.access_token,
  });
  if (!me.principal.organization_id) throw new Error(`${account.email} belongs to no organization.`);
  return { organizationId: me.principal.organization_id, accessToken: tokens.access_token };
}
