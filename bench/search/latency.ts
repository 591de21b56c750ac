import { performance } from 'node:perf_hooks';
import { quantile } from '../lib/stats.js';

const BUDGET_MS = 90_000;
const MIN_SAMPLES = 20;

/** p50/p95/p99 of one measured operation, in milliseconds. */
export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

/** `warmUp` unmeasured calls, then up to `count` measured ones (fewer past a 90 s budget); call i varies by i. */
export async function measure(
  warmUp: number,
  count: number,
  call: (i: number) => Promise<void>,
): Promise<Latencies> {
  const warm = performance.now() + BUDGET_MS / 3;
  for (let i = 0; i < warmUp && (i < 2 || performance.now() < warm); i += 1) await call(i);
  const samples: number[] = [];
  const deadline = performance.now() + BUDGET_MS;
  // A figure far off target (seconds per request) still finishes: stop at the time budget, with enough samples.
  for (let i = 0; i < count && (i < MIN_SAMPLES || performance.now() < deadline); i += 1) {
    const started = performance.now();
    await call(warmUp + i);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/**
 * Two operations measured side by side: call i of `a`, then call i of `b`, alternating. On a shared
 * machine (this one shows CPU steal) a load spike then hits both alike, so their ratio stays meaningful
 * where two measurements taken one after the other could each catch a different spike.
 */
export async function measureSideBySide(
  warmUp: number,
  count: number,
  a: (i: number) => Promise<void>,
  b: (i: number) => Promise<void>,
): Promise<[Latencies, Latencies]> {
  const aSamples: number[] = [];
  const bSamples: number[] = [];
  await measure(warmUp, count, async (i) => {
    const started = performance.now();
    await a(i);
    const between = performance.now();
    await b(i);
    if (i >= warmUp) {
      aSamples.push(between - started);
      bSamples.push(performance.now() - between);
    }
  });
  return [summarize(aSamples), summarize(bSamples)];
}

export function summarize(samples: number[]): Latencies {
  return {
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
    samples: samples.length,
  };
}

// The bench stands for many anonymous visitors, not one client hammering the API: each request comes
// from its own address (the services trust one proxy hop, and the bench connects directly), so the
// per-client rate limit is still checked in Redis on every request but does not answer 429.
let visitor = 0;
const nextVisitor = (): string => {
  visitor += 1;
  return `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
};

/** GETs a JSON endpoint as a new visitor; anything but 200 fails the bench with the body. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { 'x-forwarded-for': nextVisitor() } });
  const text = await response.text();
  if (response.status !== 200)
    throw new HttpStatusError(response.status, `GET ${url} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
