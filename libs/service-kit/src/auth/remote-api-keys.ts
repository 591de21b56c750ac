import { ProblemError } from '../errors/problem.js';
import type { ApiKeyCache } from './api-key-cache.js';
import type { ApiKeyVerifier, AuthPluginOptions } from './auth-plugin.js';
import type { Principal } from './principal.js';

export interface RemoteApiKeysOptions {
  /** identity's introspection endpoint, e.g. `http://identity:3001/internal/v1/api-keys/introspect`. */
  url: string;
  /** The shared service-to-service token identity expects (its INTERNAL_API_TOKEN). */
  token: string;
  /** Give up on identity after this long (default 2 s): the caller gets 503, not a hung request. */
  timeoutMs?: number;
  /** Recent answers, kept while the process receives identity's revocation events (api-key-cache.ts). */
  cache?: ApiKeyCache;
}

/** What identity's introspection endpoint answers (RFC 7662 style: inactive keys say nothing more). */
interface Introspection {
  active: boolean;
  key_id?: unknown;
  organization_id?: unknown;
  scopes?: unknown;
  exp?: unknown;
}

/**
 * An `apiKeys.verify` for services other than identity: a presented key is introspected at identity, over
 * the process-wide keep-alive connection pool of Node's fetch (undici), unless `cache` holds a recent
 * answer for it (only while revocation events arrive, so a revoked key is refused within the event's
 * delivery time; without a cache, on the very next call). When identity cannot answer, the request fails
 * with 503 problem+json: the caller's key may be fine, so 401 would be a lie.
 */
export function remoteApiKeys(options: RemoteApiKeysOptions): ApiKeyVerifier {
  const endpoint = new URL(options.url);
  const authorization = `Bearer ${options.token}`;
  const timeoutMs = options.timeoutMs ?? 2000;
  const { cache } = options;
  return async (key) => {
    const cached = cache?.get(key);
    if (cached) return cached;
    const ticket = cache?.ticket();
    const answer = await introspect(endpoint, authorization, key, timeoutMs);
    if (!answer.active) return null;
    const principal = principalOf(answer);
    if (cache && ticket)
      cache.remember(key, principal, ticket, typeof answer.exp === 'number' ? answer.exp * 1000 : null);
    return principal;
  };
}

async function introspect(
  endpoint: URL,
  authorization: string,
  key: string,
  timeoutMs: number,
): Promise<Introspection> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token: key }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw identityUnavailable(error);
  }
  if (response.status !== 200) {
    // Drain the body so the keep-alive connection goes back to the pool.
    await response.arrayBuffer().catch(() => undefined);
    throw identityUnavailable(new Error(`identity answered ${response.status} to API key introspection`));
  }
  const body: unknown = await response.json().catch((error: unknown) => {
    throw identityUnavailable(error);
  });
  if (typeof body !== 'object' || body === null || typeof (body as Introspection).active !== 'boolean')
    throw identityUnavailable(new Error('identity answered introspection with an unexpected body'));
  return body as Introspection;
}

function principalOf(answer: Introspection): Principal {
  const { key_id, organization_id, scopes } = answer;
  const validScopes = Array.isArray(scopes) && scopes.every((s) => typeof s === 'string');
  if (typeof key_id !== 'string' || typeof organization_id !== 'string' || !validScopes)
    throw identityUnavailable(new Error('identity answered an active introspection without key details'));
  return {
    kind: 'api_key',
    subject: key_id,
    userId: null,
    orgId: organization_id,
    roles: [],
    scopes: scopes as string[],
    sessionId: null,
  };
}

/** 503 `identity-unavailable`; `cause` reaches the service's error log, never the response. */
function identityUnavailable(cause: unknown): ProblemError {
  const problem = new ProblemError({
    status: 503,
    slug: 'identity-unavailable',
    title: 'Service Unavailable',
    detail: 'API keys cannot be checked right now; retry shortly.',
  });
  problem.cause = cause;
  return problem;
}

/**
 * authPlugin's `apiKeys` for a service configured with `partnerApiKeyConfigFields`: `pk_` keys checked at
 * identity (with `cache`, the runtime's: see ApiKeyCache). Without INTERNAL_API_TOKEN there is nothing to
 * introspect with, so API keys are refused (401).
 */
export function partnerApiKeys(
  config: { IDENTITY_INTROSPECTION_URL: string; INTERNAL_API_TOKEN?: string },
  cache?: ApiKeyCache,
): AuthPluginOptions['apiKeys'] {
  if (!config.INTERNAL_API_TOKEN) return undefined;
  const verify = remoteApiKeys({
    url: config.IDENTITY_INTROSPECTION_URL,
    token: config.INTERNAL_API_TOKEN,
    ...(cache ? { cache } : {}),
  });
  return { prefix: 'pk_', verify };
}
