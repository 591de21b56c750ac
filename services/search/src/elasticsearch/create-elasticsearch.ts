import { Client } from '@elastic/elasticsearch';

/** An Elasticsearch 8 client for the search service. */
export function createElasticsearch(url: string): Client {
  return new Client({ node: url, requestTimeout: 10_000, maxRetries: 2 });
}

/**
 * Readiness probe. The cluster health endpoint, not GET / (the root info endpoint is missing from some
 * distributions): red means primaries are missing and searches would fail.
 */
export async function checkElasticsearch(es: Client): Promise<void> {
  const health = await es.cluster.health({ timeout: '2s' });
  if (health.status === 'red') throw new Error('Elasticsearch cluster health is red');
}
