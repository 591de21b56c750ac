import fp from 'fastify-plugin';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ProblemError, unauthorized } from '../errors/problem.js';
import { verifyAccessToken, type AccessTokenVerifierOptions } from './access-token.js';
import { authorize } from './authorize.js';
import type { AuthRequirement, Principal } from './principal.js';

/** Checks a partner API key presented as a bearer token; null when it is unknown, revoked or expired. */
export type ApiKeyVerifier = (key: string) => Promise<Principal | null>;

export interface AuthPluginOptions {
  accessTokens: AccessTokenVerifierOptions;
  /** Bearer tokens starting with `prefix` are API keys checked by `verify`; without this they are refused. */
  apiKeys?: { prefix: string; verify: ApiKeyVerifier };
  /** Routes that need no credentials without declaring it (the kit's health, metrics and docs routes). */
  publicPaths?: readonly string[];
}

/** The routes buildApp adds itself; they stay reachable by probes and scrapers without credentials. */
export const DEFAULT_PUBLIC_PATHS: readonly string[] = [
  '/healthz',
  '/readyz',
  '/metrics',
  '/openapi.json',
  '/docs',
];

const AUTHENTICATED: AuthRequirement = {};
/** What a 503 from an unreachable identity tells clients to wait: about one JWKS refetch cooldown. */
const RETRY_AFTER_SECONDS = 5;

/**
 * A JWKS fetched from identity and cached for `maxAgeMs`; refetched when a token names an unknown kid, but
 * at most once per `cooldownMs`, so a flood of forged kids cannot turn into a flood of JWKS requests.
 */
export function remoteJwks(
  url: string,
  options: { cooldownMs?: number; maxAgeMs?: number } = {},
): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs ?? 5_000,
    cacheMaxAge: options.maxAgeMs ?? 10 * 60_000,
  });
}

/**
 * The plugin (for buildApp's `external` tier) that authenticates every request (RS256 access tokens verified
 * locally, API keys through `apiKeys.verify`), sets `request.principal`, and enforces each route's
 * `config.auth` with 401/403 problem+json. Routes that declare nothing require an authenticated caller.
 */
export function authPlugin(options: AuthPluginOptions): FastifyPluginAsync {
  return fp(
    async (app: FastifyInstance) => {
      const publicPaths = options.publicPaths ?? DEFAULT_PUBLIC_PATHS;
      app.decorateRequest('principal', null);
      // preParsing, not onRequest: a route's rate limit (@fastify/rate-limit, a route-level onRequest hook)
      // runs first, so a request that ends in 429 costs no token verification or API-key introspection;
      // and still before the body is parsed, so an unauthenticated caller's body is never read.
      app.addHook('preParsing', async (request, reply, payload) => {
        try {
          await authenticateRequest(request, options, publicPaths);
        } catch (error) {
          // identity (JWKS or introspection) could not answer: the client should retry, not sign in again.
          if (error instanceof ProblemError && error.status === 503)
            reply.header('retry-after', String(RETRY_AFTER_SECONDS));
          throw error;
        }
        return payload;
      });
    },
    { name: '@portfolioos/service-kit/auth', fastify: '5.x' },
  );
}

async function authenticateRequest(
  request: FastifyRequest,
  options: AuthPluginOptions,
  publicPaths: readonly string[],
): Promise<void> {
  const routeUrl = request.routeOptions.url;
  // Unknown routes fall through to the 404 handler.
  if (routeUrl === undefined) return;
  const requirement = request.routeOptions.config.auth ?? requirementForPath(routeUrl, publicPaths);
  if (requirement.public) {
    // Credentials are optional here, and other schemes (HTTP Basic at the OAuth token endpoint) belong
    // to the route: a stale or foreign header must not stop anyone from signing in again.
    const token = optionalBearerToken(request);
    if (token !== undefined) request.principal = await authenticate(token, options).catch(() => null);
    return;
  }
  const token = bearerToken(request);
  request.principal = token === undefined ? null : await authenticate(token, options);
  authorize(request.principal, requirement);
}

function requirementForPath(url: string, publicPaths: readonly string[]): AuthRequirement {
  const isPublic = publicPaths.some((path) => url === path || url.startsWith(`${path}/`));
  return isPublic ? { public: true } : AUTHENTICATED;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  if (!match?.[1]) throw unauthorized('Use the Authorization: Bearer <token> scheme.');
  return match[1];
}

function optionalBearerToken(request: FastifyRequest): string | undefined {
  try {
    return bearerToken(request);
  } catch {
    return undefined;
  }
}

async function authenticate(token: string, options: AuthPluginOptions): Promise<Principal> {
  if (options.apiKeys && token.startsWith(options.apiKeys.prefix)) {
    const principal = await options.apiKeys.verify(token);
    if (!principal) throw unauthorized('The API key is not valid.');
    return principal;
  }
  return verifyAccessToken(token, options.accessTokens);
}
