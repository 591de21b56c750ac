import { errors, type Client } from '@elastic/elasticsearch';
import { LISTINGS_MAPPING_VERSION, listingsMapping, listingsSettings } from './listing-mapping.js';

/** The versioned index name behind an alias: `listings_v1`, `listings_v2`, ... */
export const versionedIndexName = (alias: string, version: number): string => `${alias}_v${version}`;

/** Creates a versioned index with the listings mapping; an index that already exists is left alone. */
export async function createListingsIndex(es: Client, index: string): Promise<void> {
  try {
    await es.indices.create({ index, settings: listingsSettings, mappings: listingsMapping });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
}

/** The index the alias points at now, or null when there is no such alias. */
export async function indexBehindAlias(es: Client, alias: string): Promise<string | null> {
  const exists = await es.indices.existsAlias({ name: alias });
  if (!exists) return null;
  const aliases = await es.indices.getAlias({ name: alias });
  const indices = Object.keys(aliases);
  return indices.find((i) => aliases[i]?.aliases[alias]?.is_write_index) ?? indices[0] ?? null;
}

/**
 * At boot: makes sure the alias exists, creating `<alias>_v<mapping version>` under it the first time.
 * Safe to run from several replicas at once (create tolerates "already exists", alias add is idempotent).
 * An existing alias is never moved here: that is the reindex job's decision.
 */
export async function ensureListingsIndex(es: Client, alias: string): Promise<string> {
  const current = await indexBehindAlias(es, alias);
  if (current) return current;
  const index = versionedIndexName(alias, LISTINGS_MAPPING_VERSION);
  await createListingsIndex(es, index);
  await es.indices.updateAliases({
    actions: [{ add: { index, alias, is_write_index: true } }],
  });
  return index;
}

/** Points the alias at `next` and away from every other index, atomically (one _aliases call). */
export async function swapAlias(es: Client, alias: string, next: string): Promise<void> {
  const exists = await es.indices.existsAlias({ name: alias });
  const previous = exists ? Object.keys(await es.indices.getAlias({ name: alias })) : [];
  await es.indices.updateAliases({
    actions: [
      ...previous.filter((i) => i !== next).map((index) => ({ remove: { index, alias } })),
      { add: { index: next, alias, is_write_index: true } },
    ],
  });
}

function isAlreadyExists(error: unknown): boolean {
  return (
    error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception'
  );
}
