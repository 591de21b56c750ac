import assert from 'node:assert/strict';

type Ring = [number, number][];

/**
 * A MultiPolygon of `rings` regular (convex, never self-crossing) 1000-vertex rings near Austin, coordinates
 * rounded to 5 decimals: many positions per byte, and a per-ring geometry check runs to the end of each.
 * 50 rings are about 1 MiB of JSON, 6 rings about 120 KiB.
 */
export function costlyMultiPolygon(rings: number): { type: 'MultiPolygon'; coordinates: Ring[][] } {
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  const ring = (k: number): Ring => {
    const centre = { lng: -97.5 + (k % 10) * 0.05, lat: 30.5 + Math.floor(k / 10) * 0.05 };
    const positions = Array.from({ length: 1000 }, (_, i): [number, number] => {
      const angle = (2 * Math.PI * i) / 1000;
      return [round(centre.lng + 0.2 * Math.cos(angle)), round(centre.lat + 0.2 * Math.sin(angle))];
    });
    return [...positions, positions[0]!];
  };
  return { type: 'MultiPolygon', coordinates: Array.from({ length: rings }, (_, k) => [ring(k)]) };
}

/**
 * The fastest of `runs` timings of `call`, in ms, after one warm-up. Load on a shared machine only ever
 * adds time, so the fastest run is the robust measure of what a request costs.
 */
export async function fastestMs(runs: number, call: () => PromiseLike<unknown>): Promise<number> {
  await call();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** What the size tests need of an app: Fastify's inject, as far as they use it. */
export interface Injector {
  inject(request: {
    method: 'POST';
    url: string;
    headers: Record<string, string>;
    payload: string;
  }): PromiseLike<{ statusCode: number; headers: Record<string, unknown>; body: string }>;
}

/**
 * Area sizes a map search must refuse on size alone (before any geometry work): about 1 MiB, over the
 * route's body limit (413, never parsed), and just under that limit with 6× the vertex cap (400).
 */
export const COSTLY_AREAS = [
  { name: 'a ~1 MiB MultiPolygon is refused (413) before it is parsed', rings: 50, status: 413 },
  {
    name: 'a MultiPolygon under the byte cap with 6× the vertex cap is refused (400)',
    rings: 6,
    status: 400,
  },
] as const;

/**
 * POSTs `{ geometry: costlyMultiPolygon(rings) }` to `url`: asserts the problem+json `status`, and that the
 * fastest of 5 answers took under 50 ms (in process, so server time). Returns that time for the log.
 */
export async function assertRefusedCheaply(
  app: Injector,
  url: string,
  area: (typeof COSTLY_AREAS)[number],
): Promise<string> {
  const payload = JSON.stringify({ geometry: costlyMultiPolygon(area.rings) });
  const post = () =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
  const response = await post();
  assert.equal(response.statusCode, area.status, response.body);
  assert.match(String(response.headers['content-type']), /application\/problem\+json/);
  const ms = await fastestMs(5, post);
  assert.ok(ms < 50, `took ${ms.toFixed(1)} ms`);
  return `${(payload.length / 1024).toFixed(0)} KiB answered ${area.status} in ${ms.toFixed(1)} ms`;
}
