import { decodeJwt } from 'jose';
import {
  forbidden,
  ProblemError,
  unauthorized,
  verifyAccessToken,
  type AccessTokenVerifierOptions,
  type Principal,
} from '@portfolioos/service-kit';
import { socketProblem, type SocketProblem } from './socket-reply.js';

/** A verified access token: who, and until when. */
export interface VerifiedToken {
  principal: Principal;
  expiresAt: number;
}

/** Checks access tokens as every service does (service-kit: RS256 against identity's JWKS, iss, aud, exp). */
export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

export function accessTokenVerifier(options: AccessTokenVerifierOptions): TokenVerifier {
  return async (token) => {
    const principal = await verifyAccessToken(token, options);
    if (principal.kind !== 'user' || !principal.userId)
      throw forbidden(
        'The realtime gateway serves people; partner and admin credentials have no live channel.',
      );
    // Safe to read unverified claims now: the signature and exp were just checked.
    const { exp } = decodeJwt(token);
    return { principal, expiresAt: (exp ?? 0) * 1000 };
  };
}

// Far above any token identity issues; a bigger string is not worth parsing.
const MAX_TOKEN_LENGTH = 8192;

/** The token a client sends in its handshake `auth` (`{ token }`); none means an anonymous socket. */
export function handshakeToken(auth: unknown): string | null {
  if (typeof auth !== 'object' || auth === null || !('token' in auth)) return null;
  const { token } = auth as { token: unknown };
  if (token === undefined || token === null) return null;
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH)
    throw unauthorized('The access token is not valid.');
  return token;
}

/** The socket.io error a refused handshake answers (`connect_error` on the client, problem in `data`). */
export function handshakeError(error: unknown): Error & { data: SocketProblem } {
  const problem =
    error instanceof ProblemError
      ? { type: error.type, title: error.title, status: error.status, detail: error.detail ?? '' }
      : socketProblem('unauthorized', 401, 'Unauthorized', 'The access token is not valid.');
  return Object.assign(new Error(problem.title), { data: problem });
}
