import type { paths } from '../generated/identity-api.js';

/** The access + refresh pair identity answers sign-in, refresh, switch and accept with. */
export type TokenPair = paths['/v1/auth/login']['post']['responses'][200]['content']['application/json'];
type SignUpAnswer = paths['/v1/auth/signup']['post']['responses'][201]['content']['application/json'];

/** What identity answered: a token pair, or its problem+json as it sent it (status and body). */
export type IdentityAnswer =
  { ok: true; tokens: TokenPair } | { ok: false; status: number; problem: unknown; retryAfter?: string };

/** Who is calling, as identity must see it: the visitor's address (for its rate limits), their access token. */
export interface Caller {
  ip: string;
  accessToken?: string;
}

/** Identity's session endpoints, which the web service calls on the browser's behalf (src/session/). */
export interface IdentitySessions {
  signUp(body: unknown, caller: Caller): Promise<IdentityAnswer>;
  login(body: unknown, caller: Caller): Promise<IdentityAnswer>;
  refresh(refreshToken: string, caller: Caller): Promise<IdentityAnswer>;
  /** Ends the refresh token's session; true when identity did (or it was already over). */
  logout(refreshToken: string, caller: Caller): Promise<boolean>;
  switchOrganization(organizationId: string, caller: Caller): Promise<IdentityAnswer>;
  acceptInvitation(body: unknown, caller: Caller): Promise<IdentityAnswer>;
}

type SessionPath = Extract<keyof paths, `/v1/auth/${string}`>;
const TIMEOUT_MS = 10_000;

/**
 * IdentitySessions over HTTP at `baseUrl`. Bodies go through as the browser sent them: identity is the one
 * that validates them, and its problem+json (field errors, 401, 429 with Retry-After) reaches the page as is.
 */
export function identitySessions(baseUrl: string): IdentitySessions {
  const post = async (path: SessionPath, body: unknown, caller: Caller) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The web service is the visitor's proxy: identity limits sign-in attempts per client address.
        'x-forwarded-for': caller.ip,
        ...(caller.accessToken ? { authorization: `Bearer ${caller.accessToken}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    return { response, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const answer = async (path: SessionPath, body: unknown, caller: Caller, pick = (j: unknown) => j) => {
    const { response, json } = await post(path, body, caller);
    if (response.ok) return { ok: true as const, tokens: pick(json) as TokenPair };
    const retryAfter = response.headers.get('retry-after') ?? undefined;
    return {
      ok: false as const,
      status: response.status,
      problem: json,
      ...(retryAfter ? { retryAfter } : {}),
    };
  };
  return {
    signUp: (body, caller) =>
      answer('/v1/auth/signup', body, caller, (json) => (json as SignUpAnswer).tokens),
    login: (body, caller) => answer('/v1/auth/login', body, caller),
    refresh: (refreshToken, caller) => answer('/v1/auth/refresh', { refresh_token: refreshToken }, caller),
    async logout(refreshToken, caller) {
      const { response } = await post('/v1/auth/logout', { refresh_token: refreshToken }, caller);
      return response.ok || response.status === 401;
    },
    switchOrganization: (organizationId, caller) =>
      answer('/v1/auth/switch-organization', { organization_id: organizationId }, caller),
    acceptInvitation: (body, caller) => answer('/v1/auth/invitations/accept', body, caller),
  };
}
