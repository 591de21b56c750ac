import { CITIES, type City } from './cities.js';
import { planProperty, type PropertyPlan } from './property-plan.js';
import { itemSeed, seededRandom, type Random } from './random.js';

const BENCH_STREAM = 2;
/** Share of properties far out of town (suburbs, exurbs, small towns between metros). */
const SCATTER_SHARE = 0.04;
const TOTAL_WEIGHT = CITIES.reduce((sum, c) => sum + c.weight, 0);

function weightedCity(random: Random): City {
  let r = random.next() * TOTAL_WEIGHT;
  for (const city of CITIES) if ((r -= city.weight) < 0) return city;
  return CITIES[0]!;
}

/** Property number `index` of the bench data set: the same on every run, so a top-up continues the set. */
export function benchProperty(index: number): PropertyPlan {
  const random = seededRandom(itemSeed(BENCH_STREAM, index));
  const city = weightedCity(random);
  return planProperty(random, city, random.chance(SCATTER_SHARE) ? 5 : 1);
}

/**
 * Batches of whole properties, from property `from`, holding `listings` listings in all (the last
 * property is cut short to hit the number exactly), about `batchSize` listings per batch.
 */
export function* benchPlan(from: number, listings: number, batchSize: number): Generator<PropertyPlan[]> {
  let left = listings;
  let batch: PropertyPlan[] = [];
  let inBatch = 0;
  for (let index = from; left > 0; index += 1) {
    const plan = benchProperty(index);
    if (plan.units.length > left) plan.units = plan.units.slice(0, left);
    batch.push(plan);
    inBatch += plan.units.length;
    left -= plan.units.length;
    if (inBatch >= batchSize || left === 0) {
      yield batch;
      batch = [];
      inBatch = 0;
    }
  }
}
