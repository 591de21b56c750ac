import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ProblemError, unauthorized } from '../errors/problem.js';
import type { Principal, PrincipalKind } from './principal.js';

/** The only signature algorithm PortfolioOS access tokens use; anything else (incl. `none`) is refused. */
export const ACCESS_TOKEN_ALGORITHM = 'RS256';

/** Claims identity puts in every access token beyond the registered ones. */
export interface AccessTokenClaims extends JWTPayload {
  kind: PrincipalKind;
  org: string | null;
  roles: string[];
  scope?: string;
  sid?: string;
}

export interface AccessTokenVerifierOptions {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  clockToleranceSeconds?: number;
}

const KINDS: readonly string[] = ['user', 'api_key', 'client', 'admin'];

/** Verifies a compact JWS access token (RS256, iss, aud, exp) and maps its claims to a Principal. */
export async function verifyAccessToken(
  token: string,
  options: AccessTokenVerifierOptions,
): Promise<Principal> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keysOrUnavailable(options.keys), {
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ['exp', 'sub', 'iat'],
      clockTolerance: options.clockToleranceSeconds ?? 5,
    }));
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw unauthorized(describe(error));
  }
  return principalFromClaims(payload);
}

/**
 * The key lookup, with "the keys could not be fetched" told apart from "no key has this id": when the JWKS
 * cache is stale and identity is unreachable, the token may well be valid, so the answer is 503 (retry),
 * not 401 (which sends clients to sign in again). A kid the reachable JWKS does not hold stays a 401.
 */
function keysOrUnavailable(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
        throw error;
      const problem = new ProblemError({
        status: 503,
        slug: 'identity-unavailable',
        title: 'Service Unavailable',
        detail: 'Access tokens cannot be checked right now; retry shortly.',
      });
      problem.cause = error;
      throw problem;
    }
  };
}

function principalFromClaims(payload: JWTPayload): Principal {
  const { kind, org, roles, scope, sid } = payload as Partial<AccessTokenClaims>;
  if (typeof kind !== 'string' || !KINDS.includes(kind) || typeof payload.sub !== 'string')
    throw unauthorized('The access token is not valid.');
  return {
    kind,
    subject: payload.sub,
    userId: kind === 'user' || kind === 'admin' ? payload.sub : null,
    orgId: typeof org === 'string' ? org : null,
    roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
    scopes: typeof scope === 'string' && scope.length > 0 ? scope.split(' ') : [],
    sessionId: typeof sid === 'string' ? sid : null,
  };
}

// Clients learn that a token expired (so they refresh) but nothing about why a signature failed.
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  return 'The access token is not valid.';
}
