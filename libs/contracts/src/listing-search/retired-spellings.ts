// Spellings the two searches used before they shared one vocabulary. They answer 400 with the new
// spelling instead of a bare "must be one of": a client that sent them gets told what to send now.

/** A field of a search that uses a retired spelling, and what to send instead. */
export interface RetiredSpelling {
  field: string;
  message: string;
}

const RETIRED_PETS: Record<string, string> = {
  cats_and_dogs: 'pets=cats_and_dogs is now pets=cats,dogs',
  allowed: 'pets=allowed is retired; name the pets that must be allowed: cats, dogs or cats,dogs',
};

const listOf = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : [];

/** The retired spellings in a search's query string or body (before schema validation). */
export function retiredSearchSpellings(input: unknown): RetiredSpelling[] {
  if (typeof input !== 'object' || input === null) return [];
  const { sort, pets, property_type: propertyType } = input as Record<string, unknown>;
  const found: RetiredSpelling[] = [];
  if (sort === 'price') found.push({ field: 'sort', message: 'sort=price is now sort=price_asc' });
  for (const pet of listOf(pets))
    if (RETIRED_PETS[pet]) found.push({ field: 'pets', message: RETIRED_PETS[pet] });
  const upper = listOf(propertyType).filter((t) => /[A-Z]/.test(t));
  if (upper.length > 0)
    found.push({
      field: 'property_type',
      message: `property types are lower case: ${upper.map((t) => t.toLowerCase()).join(',')}`,
    });
  return found;
}
