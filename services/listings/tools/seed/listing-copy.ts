import type { PET_POLICIES } from '../../src/listings/schemas.js';
import type { Random } from './random.js';

export type PetPolicy = (typeof PET_POLICIES)[number];

/** What the copy of one listing is written from. */
export interface ListingFacts {
  beds: number;
  propertyType: string;
  street: string;
  city: string;
  amenities: string[];
}

const ADJECTIVES = [
  'Sunny',
  'Bright',
  'Spacious',
  'Cozy',
  'Renovated',
  'Modern',
  'Charming',
  'Quiet',
  'Airy',
  'Elegant',
  'Stylish',
  'Updated',
  'Light-filled',
  'Classic',
  'Contemporary',
  'Corner',
  'Top-floor',
  'Garden-level',
];
const FEATURES = [
  'exposed brick',
  'bay windows',
  'hardwood floors',
  "a chef's kitchen",
  'a skyline view',
  'a private garden',
  'a sunny terrace',
  'oversized windows',
  'quartz countertops',
  'stainless steel appliances',
  'high ceilings',
  'a walk-in closet',
  'a gas fireplace',
  'heated floors',
  'a leafy courtyard view',
  'original mouldings',
];
const NEARBY = [
  'the park',
  'the farmers market',
  'cafés and bakeries',
  'the river path',
  'the metro',
  'two grocery stores',
  'the university',
  'the old town',
  'bike lanes',
  'the waterfront',
  'schools and playgrounds',
  'the bus line',
];
const CLOSERS = [
  'Heat and water included.',
  'Utilities separately metered.',
  'Flexible move-in date.',
  'Professionally managed; maintenance requests online.',
  'Twelve-month lease preferred.',
  'Short walk to shops and transit.',
  'Non-smoking building.',
  'Furnished on request.',
];
const TYPE_NOUNS: Record<string, string> = {
  apartment: 'apartment',
  condo: 'condo',
  townhouse: 'townhouse',
  single_family: 'house',
  multi_family: 'flat',
  other: 'loft',
};
const PETS: Record<PetPolicy, string> = {
  none: 'Sorry, no pets.',
  cats: 'Cats welcome.',
  dogs: 'Dogs welcome.',
  cats_and_dogs: 'Cats and dogs welcome.',
  case_by_case: 'Pets considered case by case.',
};

function nearby(random: Random): string {
  const [a, b] = [random.pick(NEARBY), random.pick(NEARBY)];
  return a === b ? a : `${a} and ${b}`;
}

const bedsLabel = (beds: number) => (beds === 0 ? 'studio' : `${beds}-bedroom`);
const humanize = (code: string) => code.replaceAll('_', ' ');

/** A varied title, e.g. "Sunny 2-bedroom apartment on Valencia St". */
function listingTitle(random: Random, facts: ListingFacts): string {
  const noun = facts.beds === 0 ? '' : ` ${TYPE_NOUNS[facts.propertyType] ?? 'home'}`;
  const where = random.chance(0.5) ? `on ${facts.street}` : `in ${facts.city}`;
  const extra = random.chance(0.4) ? ` with ${random.pick(FEATURES)}` : '';
  return `${random.pick(ADJECTIVES)} ${bedsLabel(facts.beds)}${noun} ${where}${extra}`;
}

/** Three to five sentences, so full-text search has real words to match. */
function listingDescription(random: Random, facts: ListingFacts, petPolicy: PetPolicy): string {
  const [first, second] = [random.pick(FEATURES), random.pick(FEATURES)];
  const sentences = [
    `${random.pick(ADJECTIVES)} ${bedsLabel(facts.beds)} with ${first}${second === first ? '' : ` and ${second}`}.`,
    `Minutes from ${nearby(random)} in ${facts.city}.`,
  ];
  if (facts.amenities.length > 0)
    sentences.push(`Amenities: ${facts.amenities.slice(0, 4).map(humanize).join(', ')}.`);
  sentences.push(PETS[petPolicy], random.pick(CLOSERS));
  return sentences.filter(Boolean).join(' ');
}

// Shares roughly as on rental sites: most allow some pet.
const PET_MIX: PetPolicy[] = [
  'none',
  'none',
  'none',
  'cats',
  'cats',
  'dogs',
  'cats_and_dogs',
  'cats_and_dogs',
  'case_by_case',
];

/** Title, description and pet policy of one listing. */
export function listingCopy(random: Random, facts: ListingFacts) {
  const pet_policy = random.pick(PET_MIX);
  return {
    title: listingTitle(random, facts),
    description: listingDescription(random, facts, pet_policy),
    pet_policy,
  };
}
