import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BENCH_ACCOUNT, benchProperty, callJson, signIn } from '@portfolioos/listings/seed';
import { getJson, summarize, type Latencies } from './latency.js';

export interface FreshnessUrls {
  identity: string;
  listings: string;
  search: string;
}

const POLL_MS = 10;
const GIVE_UP_MS = 30_000;

/**
 * Publish → searchable: a landlord (the bench user) publishes a draft through POST …/publish; the clock
 * starts when the publish response arrives (the transaction has committed) and stops when
 * GET /v1/search/listings finds the listing's unique title word. Each sample is unpublished afterwards,
 * so the bench organization keeps its size.
 */
export async function measureFreshness(urls: FreshnessUrls, samples: number): Promise<Latencies> {
  const { accessToken: token } = await signIn(urls.identity, BENCH_ACCOUNT);
  const drafts = await createDrafts(urls.listings, token, samples);
  const times: number[] = [];
  for (const draft of drafts) {
    await callJson(urls.listings, 'POST', `/v1/listings/${draft.id}/publish`, { token });
    const published = performance.now();
    await waitUntilFound(urls.search, draft.marker);
    times.push(performance.now() - published);
    await callJson(urls.listings, 'POST', `/v1/listings/${draft.id}/unpublish`, { token });
  }
  return summarize(times);
}

async function createDrafts(listingsUrl: string, token: string, count: number) {
  const plan = benchProperty(0);
  const property = await callJson<{ id: string }>(listingsUrl, 'POST', '/v1/properties', {
    body: { ...plan.property, name: 'Freshness probe' },
    token,
  });
  const units = Array.from({ length: count }, (_, i) => ({ ...plan.units[0]!.unit, number: `P${i}` }));
  const { items } = await callJson<{ items: { id: string }[] }>(
    listingsUrl,
    'POST',
    `/v1/properties/${property.id}/units/bulk`,
    { body: { units }, token },
  );
  const drafts: { id: string; marker: string }[] = [];
  for (const unit of items) {
    // One made-up word per listing: the text search matches this listing and nothing else.
    const marker = `probe${randomBytes(5).toString('hex')}`;
    const listing = await callJson<{ id: string }>(listingsUrl, 'POST', '/v1/listings', {
      body: { unit_id: unit.id, title: `Freshness ${marker}`, description: 'bench probe' },
      token,
    });
    drafts.push({ id: listing.id, marker });
  }
  return drafts;
}

async function waitUntilFound(searchUrl: string, marker: string): Promise<void> {
  const deadline = performance.now() + GIVE_UP_MS;
  while (performance.now() < deadline) {
    const body = await getJson<{ items?: unknown[] }>(`${searchUrl}/v1/search/listings?q=${marker}&limit=1`);
    if (body.items?.length) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    `listing ${marker} not searchable after ${GIVE_UP_MS / 1000} s: is the search indexer running?`,
  );
}
