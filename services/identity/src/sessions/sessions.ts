import { hashSecret, randomSecret } from '../crypto/secrets.js';
import type { IdentityTx } from '../db/database.js';
import { insertRefreshToken, insertSession } from './repository.js';
import type { IssuedAccessToken, TokenIssuer } from './token-issuer.js';

/** What a person gets on sign-up, login, invitation acceptance and refresh. */
export interface TokenPair extends IssuedAccessToken {
  refresh_token: string;
  refresh_expires_in: number;
}

/** Refresh tokens are opaque and prefixed, so a leaked one is recognisable (e.g. by secret scanners). */
export const REFRESH_TOKEN_PREFIX = 'rt_';

export const newRefreshToken = (): string => `${REFRESH_TOKEN_PREFIX}${randomSecret(32)}`;

/** Starts a session (a refresh-token family) for a person acting in `orgId` and issues its first tokens. */
export async function startSession(
  tx: IdentityTx,
  issuer: TokenIssuer,
  refreshTtlSeconds: number,
  who: { userId: string; orgId: string | null; roles: string[] },
): Promise<TokenPair> {
  const session = await insertSession(tx, {
    userId: who.userId,
    orgId: who.orgId,
    expiresAt: new Date(Date.now() + refreshTtlSeconds * 1000),
  });
  const refreshToken = newRefreshToken();
  await insertRefreshToken(tx, session.id, hashSecret(refreshToken));
  const access = await issuer.issue({
    kind: 'user',
    subject: who.userId,
    orgId: who.orgId,
    roles: who.roles,
    sessionId: session.id,
  });
  return { ...access, refresh_token: refreshToken, refresh_expires_in: refreshTtlSeconds };
}
