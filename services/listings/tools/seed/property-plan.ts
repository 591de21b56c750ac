import type { PropertyBody, PropertyType } from '../../src/properties/schemas.js';
import type { UnitBody } from '../../src/units/schemas.js';
import type { PetPolicy } from './listing-copy.js';
import { listingCopy } from './listing-copy.js';
import type { City } from './cities.js';
import type { Random } from './random.js';

/** One unit to create and the listing that markets it. */
export interface UnitPlan {
  unit: UnitBody;
  listing: { title: string; description: string; pet_policy: PetPolicy };
}

/** One property with its units, in the listings API's own request shapes. */
export interface PropertyPlan {
  property: PropertyBody;
  units: UnitPlan[];
}

const KM_PER_DEGREE = 111.32;
// Where the house number follows the street name ("Oranienstraße 12").
const LONG_BLOCKS = new Set(['US', 'CA', 'AU']);
const NUMBER_AFTER_STREET = new Set(['DE', 'NL', 'AT', 'ES', 'IT', 'PT']);
const TYPE_WEIGHTS: [PropertyType, number, [number, number]][] = [
  ['apartment', 0.38, [4, 12]],
  ['multi_family', 0.16, [2, 6]],
  ['condo', 0.14, [1, 3]],
  ['single_family', 0.16, [1, 1]],
  ['townhouse', 0.12, [1, 2]],
  ['other', 0.04, [1, 4]],
];
const NAMES_A = ['Maple', 'Cedar', 'Harbor', 'Linden', 'Willow', 'Granite', 'Union', 'Parkside', 'Hillcrest'];
const NAMES_B = ['Court', 'Lofts', 'House', 'Commons', 'Terrace', 'Residences', 'Flats', 'Place', 'Yards'];
const PROPERTY_AMENITIES = [
  'elevator',
  'gym',
  'pool',
  'parking',
  'doorman',
  'bike_storage',
  'roof_deck',
  'laundry_room',
  'ev_charging',
  'courtyard',
  'storage',
];

/** A plausible property near `city` (scatter multiplies its spread: suburbs and outliers). */
export function planProperty(random: Random, city: City, scatter = 1): PropertyPlan {
  const [type, unitRange] = pickType(random);
  const street = random.pick(city.streets);
  // Long North American and Australian blocks run into four-digit numbers; European streets rarely do.
  const number = String(random.int(1, LONG_BLOCKS.has(city.country) ? 1800 : 240));
  const property: PropertyBody = {
    name: `${random.pick(NAMES_A)} ${random.pick(NAMES_B)}`,
    property_type: type,
    address: {
      line1: NUMBER_AFTER_STREET.has(city.country) ? `${street} ${number}` : `${number} ${street}`,
      city: city.name,
      region: city.region,
      postal_code: random.pick(city.postalCodes),
      country: city.country,
    },
    location: scatterAround(random, city, scatter),
    year_built: Math.min(2025, 1890 + Math.floor(random.next() ** 0.6 * 136)),
    amenities: random.some(PROPERTY_AMENITIES, type === 'apartment' ? 0.35 : 0.12),
    time_zone: city.timeZone,
  };
  const count = random.int(unitRange[0], unitRange[1]);
  const units = Array.from({ length: count }, (_, i) => planUnit(random, city, property, i, count));
  return { property, units };
}

function planUnit(random: Random, city: City, property: PropertyBody, i: number, count: number): UnitPlan {
  const beds = property.property_type === 'single_family' ? random.int(2, 4) : pickBeds(random);
  const rent = rentFor(random, city, beds, property.property_type);
  const unit: UnitBody = {
    number: count === 1 ? '1' : `${Math.floor(i / 4) + 1}${'ABCD'[i % 4]}`,
    beds,
    baths: bathsFor(random, beds),
    sqft: Math.round(sqftFor(beds) * (0.8 + random.next() * 0.4)),
    asking_rent_minor: rent,
    currency: city.currency,
    deposit_minor: random.chance(0.15) ? null : Math.round((rent * random.pick([1, 1, 1.5, 2])) / 100) * 100,
    amenities: random.some(UNIT_AMENITIES, 0.3),
    available_from: random.chance(0.25) ? null : daysFromToday(random.int(0, 75)),
  };
  const facts = { beds, propertyType: property.property_type, street: streetOf(property), city: city.name };
  return {
    unit,
    listing: listingCopy(random, {
      ...facts,
      amenities: [...(property.amenities ?? []), ...(unit.amenities ?? [])],
    }),
  };
}

const UNIT_AMENITIES = [
  'dishwasher',
  'in_unit_laundry',
  'balcony',
  'air_conditioning',
  'hardwood_floors',
  'fireplace',
  'walk_in_closet',
  'furnished',
  'high_ceilings',
];

function pickType(random: Random): [PropertyType, [number, number]] {
  let r = random.next();
  for (const [type, weight, range] of TYPE_WEIGHTS) if ((r -= weight) < 0) return [type, range];
  return ['apartment', [4, 12]];
}

const pickBeds = (random: Random) => [0, 1, 1, 1, 2, 2, 2, 3, 3, 4][random.int(0, 9)]!;
const bathsFor = (random: Random, beds: number) =>
  beds <= 1 ? 1 : random.pick(beds === 2 ? [1, 1.5, 2] : beds === 3 ? [2, 2.5] : [2.5, 3, 3.5]);
const sqftFor = (beds: number) => [450, 680, 950, 1300, 1850][Math.min(beds, 4)]!;
const RENT_BY_BEDS = [0.8, 1, 1.35, 1.75, 2.2];

/** Monthly rent in minor units, rounded to 25 major units as landlords price. */
function rentFor(random: Random, city: City, beds: number, type: string): number {
  const typeFactor = type === 'single_family' ? 1.1 : type === 'condo' ? 1.08 : 1;
  const noise = Math.max(0.6, 1 + random.normal() * 0.15);
  const major = city.oneBedRent * RENT_BY_BEDS[Math.min(beds, 4)]! * typeFactor * noise;
  return Math.round(major / 25) * 25 * 100;
}

function scatterAround(random: Random, city: City, scatter: number): { lat: number; lng: number } {
  const sigma = city.spreadKm * scatter;
  const lat = city.lat + (random.normal() * sigma) / KM_PER_DEGREE;
  const lng = city.lng + (random.normal() * sigma) / (KM_PER_DEGREE * Math.cos((city.lat * Math.PI) / 180));
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
}

const streetOf = (p: PropertyBody) => p.address.line1.replace(/^\d+ | \d+$/g, '');

function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCHours(0, 0, 0, 0);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
