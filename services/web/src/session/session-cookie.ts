import type { SerializeOptions } from '@fastify/cookie';

/** Where the browser sends the refresh-token cookie: the session endpoints only, never the APIs. */
export const SESSION_PATH = '/session';

/** The refresh-token cookie: its name and attributes, fixed per deployment by where the public reaches it. */
export interface SessionCookie {
  name: string;
  attributes: SerializeOptions;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The cookie for a deployment reached at `publicBaseUrl`. Over https it is `Secure` and carries the
 * `__Secure-` prefix (browsers then refuse it from plain http). Plain http is allowed on a loopback host only
 * (local development, `npm start`): there the cookie cannot be Secure, and anywhere else that would leak
 * the refresh token on the network, so the boot stops instead. Always httpOnly (scripts never see it) and
 * SameSite=Strict (no cross-site request carries it).
 */
export function sessionCookie(publicBaseUrl: string): SessionCookie {
  const url = new URL(publicBaseUrl);
  const common = { httpOnly: true, sameSite: 'strict', path: SESSION_PATH } as const;
  if (url.protocol === 'https:')
    return { name: '__Secure-portfolioos_session', attributes: { ...common, secure: true } };
  if (!LOOPBACK_HOSTS.has(url.hostname))
    throw new Error(
      `PUBLIC_BASE_URL ${publicBaseUrl}: plain http is only for a loopback host; the session cookie needs https`,
    );
  return { name: 'portfolioos_session', attributes: { ...common, secure: false } };
}
