// The app's user-facing strings, one catalog per language, shared by the server-rendered pages and the
// client. Add a language by adding a catalog with the same keys (the type makes every key required).

type Plural = (count: number, rules: Intl.PluralRules) => string;

const plural =
  (one: string, other: string): Plural =>
  (count, rules) =>
    (rules.select(count) === 'one' ? one : other).replace('{n}', String(count));

const en = {
  appName: 'PortfolioOS',
  searchTitle: 'Homes for rent',
  mapLabel: 'Map of listings',
  beds: plural('{n} bed', '{n} beds'),
  baths: plural('{n} bath', '{n} baths'),
  sqft: plural('{n} sq ft', '{n} sq ft'),
  perMonth: '/ month',
  results: plural('{n} home in this area', '{n} homes in this area'),
  resultsAtLeast: plural('{n}+ homes in this area', '{n}+ homes in this area'),
  noResults: 'No homes match here. Zoom out, move the map or loosen the filters.',
  loading: 'Searching…',
  searchFailed: 'The search did not answer. Move the map to try again.',
  filters: 'Filters',
  keywords: 'Keywords',
  keywordsPlaceholder: 'balcony, garden…',
  priceMin: 'Min rent',
  priceMax: 'Max rent',
  bedsMin: 'Beds',
  bathsMin: 'Baths',
  any: 'Any',
  atLeast: (n: number) => `${n}+`,
  pets: 'Pets allowed',
  cats: 'Cats',
  dogs: 'Dogs',
  propertyType: 'Type',
  clearFilters: 'Clear filters',
  clusterLabel: plural('{n} home here, zoom in', '{n} homes here, zoom in'),
  zoomInForList: 'Zoom in to see the homes on the map.',
  availableFrom: 'Available from',
  availableNow: 'Available now',
  address: 'Address',
  description: 'About this home',
  amenities: 'Amenities',
  photos: 'Photos',
  petPolicy: 'Pets',
  backToSearch: 'Back to the map',
  apply: 'Apply',
  searchButton: 'Search',
  applySoon: 'Online applications open soon.',
  listingNotFound: 'This listing is not on the market.',
  listingNotFoundHint: 'It may have been rented or taken down. Search the map for others nearby.',
  notFound: 'There is no page here.',
  propertyTypes: {
    single_family: 'House',
    multi_family: 'Multi-family',
    apartment: 'Apartment',
    condo: 'Condo',
    townhouse: 'Townhouse',
    mobile_home: 'Mobile home',
    commercial: 'Commercial',
    other: 'Other',
  } as Record<string, string>,
  petPolicies: {
    none: 'No pets',
    cats: 'Cats allowed',
    dogs: 'Dogs allowed',
    cats_and_dogs: 'Cats and dogs allowed',
    case_by_case: 'Pets case by case',
  } as Record<string, string>,
};

export type Messages = typeof en;
const catalogs: Record<string, Messages> = { en };

/** The strings of `locale`'s language (English when there is no catalog for it yet) and its plural rules. */
export function messagesFor(locale: string): { m: Messages; plurals: Intl.PluralRules } {
  const language = locale.split('-')[0] ?? 'en';
  return { m: catalogs[language] ?? en, plurals: new Intl.PluralRules(locale) };
}
