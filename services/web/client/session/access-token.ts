import { problemOf, ProblemResponse } from '../api/problem.js';

/** What /session/* answers: the access token (kept in this module's memory only) and its lifetime. */
export interface AccessGrant {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

// Renewed this long before it expires, so a request never leaves with a token about to lapse.
const RENEW_MARGIN_MS = 30_000;
let current: { token: string; expiresAt: number } | undefined;
let refreshing: Promise<string | undefined> | undefined;

/** POSTs JSON to the web service's session endpoints (src/session/session-routes.ts); throws its problem. */
export async function postSession(path: string, body: unknown, accessToken?: string): Promise<Response> {
  const response = await fetch(`/session/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** Keeps the grant a sign-in answered (undefined: signed out). */
export function holdGrant(grant: AccessGrant | undefined): void {
  current = grant && { token: grant.access_token, expiresAt: Date.now() + grant.expires_in * 1000 };
}

/**
 * A new access token from the session cookie, or undefined when there is no session. One refresh at a time,
 * in this tab and across tabs (Web Locks): identity rotates the refresh token on every use and treats a
 * rotated one presented again as theft, ending the session, so two tabs reloading together must take turns.
 */
export function refreshAccessToken(): Promise<string | undefined> {
  refreshing ??= lockedRefresh().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function lockedRefresh(): Promise<string | undefined> {
  const run = async () => {
    try {
      holdGrant((await (await postSession('refresh', {})).json()) as AccessGrant);
    } catch (error) {
      if (!(error instanceof ProblemResponse && error.status === 401)) throw error;
      holdGrant(undefined);
    }
    return current?.token;
  };
  return navigator.locks ? navigator.locks.request('portfolioos-session-refresh', run) : run();
}

/** The access token to send now: the one held, renewed first when it is about to expire. */
export async function accessToken(): Promise<string | undefined> {
  if (current && current.expiresAt - Date.now() > RENEW_MARGIN_MS) return current.token;
  return current ? refreshAccessToken() : undefined;
}
