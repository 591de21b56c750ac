/**
 * Why a hand-over to a provider failed. `unreachable`: no answer at all (connection refused, reset,
 * timeout) — an outage, retried for as long as it lasts and never counted against the message.
 * `retryable`: the provider answered with a temporary error (5xx, 429). `permanent`: it refused this
 * message (a 4xx: bad address, contract violation) and a retry would be refused the same way.
 */
export type ProviderFailureKind = 'unreachable' | 'retryable' | 'permanent';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderFailureKind,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** The failure kind an HTTP status from a provider means. */
export function kindOfStatus(status: number): ProviderFailureKind {
  if (status === 429 || status === 408 || status >= 500) return 'retryable';
  return 'permanent';
}

const NETWORK =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|socket hang up|timeout/i;

/** Whether `error` (from axios, undici, node:net) says the provider could not be reached at all. */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK.test(code)) return true;
  return NETWORK.test(error.message) || (error.cause !== undefined && isUnreachable(error.cause));
}
