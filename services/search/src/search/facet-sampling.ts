/** Elasticsearch's random_sampler takes a probability in (0, 0.5], or exactly 1 for no sampling. */
export const MAX_SAMPLE_PROBABILITY = 0.5;

/**
 * The share of `matches` to count facets and clusters on: 1 (every match) up to `exactLimit` matches,
 * else about `exactLimit` of them. Aggregating costs time per matching listing (facets and zoom-4
 * clusters over a continent of ~300k matches took ~200 ms on this 2-core machine), counting them does
 * not (~6 ms).
 */
export function sampleProbability(matches: number, exactLimit: number): number {
  if (matches <= exactLimit) return 1;
  return Math.min(MAX_SAMPLE_PROBABILITY, exactLimit / matches);
}
