import { setTimeout as delay } from 'node:timers/promises';

/**
 * Exponential backoff with jitter: about `minMs · 2^attempt`, capped at `maxMs`, spread over its upper
 * half so that many consumers/relays that lost one dependency together do not retry in lockstep.
 */
export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Waits `ms`, or less when `signal` aborts; never rejects (the caller checks the signal). */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch {
    // aborted: return at once
  }
}
