// The values of the public search vocabulary the filters offer (@portfolioos/contracts' vocabulary.ts;
// its package entry also loads TypeBox, which the browser bundle should not carry). The API spells
// them as patterns, so test/search-vocabulary.test.ts checks these lists against the contracts.
export const PETS = ['cats', 'dogs'] as const;
export type Pet = (typeof PETS)[number];

export const PROPERTY_TYPES = [
  'apartment',
  'single_family',
  'condo',
  'townhouse',
  'multi_family',
  'mobile_home',
  'other',
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];
