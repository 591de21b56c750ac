// npm run bench:search [-- --listings N] — map and text search at scale, on the real local stack.
// Needs `npm run stack:up`; starts identity, listings and search as e2e does unless they already answer,
// tops the bench organization up to N listings (bulk seeder) and waits until search has indexed them.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { stack, startServiceProcesses } from '@portfolioos/testing';
import { devEnvironment } from '@portfolioos/testing/dev-environment';
import { readSeedConfig } from '@portfolioos/listings/seed';
import { report, type Measurement } from '../lib/report.js';
import { ensureBenchData } from './bench-data.js';
import { measureGeotileClusters, measureTextGeoFacets } from './elasticsearch.js';
import { measureFreshness } from './freshness.js';
import type { Latencies } from './latency.js';
import { measureBboxHttpAndDirect, measureClustersHttp } from './postgis.js';

const { values } = parseArgs({
  options: {
    listings: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '400' },
    'warm-up': { type: 'string', default: '50' },
    samples: { type: 'string', default: '30' },
    'save-baseline': { type: 'boolean', default: false },
  },
});
const LISTINGS = Number(values.listings);
const REQUESTS = Number(values.requests);
const WARM_UP = Number(values['warm-up']);
const PORTS = { identity: 3001, listings: 3002, search: 3003 };
const url = (port: number) => `http://127.0.0.1:${port}`;
const logDir = fileURLToPath(new URL('../../.stack/logs', import.meta.url));

const stop = await startServiceProcesses(PORTS, {
  environment: (name) => ({ ...(devEnvironment(name) as NodeJS.ProcessEnv), LOG_LEVEL: 'warn' }),
  logDir,
  reuseRunning: true,
}).catch((error: unknown) => {
  throw new Error(`could not start the services (is the stack up? npm run stack:up): ${String(error)}`);
});
try {
  const config = readSeedConfig();
  const data = await ensureBenchData(config, stack.elasticsearchUrl, LISTINGS);
  console.log(`measuring: ${REQUESTS} requests per figure after ${WARM_UP} warm-up`);
  const { http, direct } = await measureBboxHttpAndDirect(
    url(PORTS.listings),
    config.DATABASE_URL,
    WARM_UP,
    REQUESTS,
  );
  const text = await measureTextGeoFacets(url(PORTS.search), WARM_UP, REQUESTS);
  const clusters = await measureClustersHttp(url(PORTS.listings), WARM_UP, REQUESTS);
  const geotiles = await measureGeotileClusters(url(PORTS.search), WARM_UP, REQUESTS);
  const freshness = await measureFreshness(
    { identity: url(PORTS.identity), listings: url(PORTS.listings), search: url(PORTS.search) },
    Number(values.samples),
  );
  const measurements: Measurement[] = [
    ...percentiles('PostGIS bbox search (HTTP)', http, { p95: 25 }),
    ...percentiles('PostGIS bbox search (SQL direct)', direct, {}),
    {
      name: 'PostGIS HTTP/direct p50',
      unit: '×',
      value: http.p50 / direct.p50,
      target: { kind: 'max', value: 1.5 },
    },
    ...percentiles('ES text+geo+facets', text, { p95: 50 }),
    ...(clusters ? percentiles('PostGIS clusters zoom 4', clusters, { p95: 100 }) : []),
    ...percentiles('ES geotile clusters zoom 4', geotiles, { p95: 100 }),
    { name: 'freshness publish→searchable p50', unit: 'ms', value: freshness.p50 },
    {
      name: 'freshness publish→searchable p95',
      unit: 'ms',
      value: freshness.p95,
      target: { kind: 'max', value: 1500 },
    },
  ];
  if (!clusters)
    console.log(
      'PostGIS clusters (cluster=true&zoom=4): pending — the endpoint answers 400 (not there yet).',
    );
  report('search', measurements, {
    listings: data.after,
    indexed: data.indexed,
    seededNow: data.after - data.before,
    seedRate: data.insertRate === null ? null : Math.round(data.insertRate),
    requests: REQUESTS,
    warmUp: WARM_UP,
    freshnessSamples: freshness.samples,
  });
} finally {
  await stop();
}

function percentiles(name: string, l: Latencies, targets: { p95?: number }): Measurement[] {
  return (['p50', 'p95', 'p99'] as const).map((q) => ({
    name: `${name} ${q}`,
    unit: 'ms',
    value: l[q],
    ...(q === 'p95' && targets.p95 !== undefined
      ? { target: { kind: 'max' as const, value: targets.p95 } }
      : {}),
  }));
}
