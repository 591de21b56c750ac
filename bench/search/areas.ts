import { CITIES } from '@portfolioos/listings/seed';

/** minLng,minLat,maxLng,maxLat */
export type Bbox = [number, number, number, number];

// ~22 × 22 km around a centre: what a phone map shows of a city.
const HALF_KM = 11;

/** A city-sized box around each seeded city centre. */
export const CITY_BOXES: { city: string; bbox: Bbox }[] = CITIES.map((c) => {
  const dLat = HALF_KM / 111.32;
  const dLng = HALF_KM / (111.32 * Math.cos((c.lat * Math.PI) / 180));
  return { city: c.name, bbox: [c.lng - dLng, c.lat - dLat, c.lng + dLng, c.lat + dLat] };
});

/** Continent-sized boxes (zoom 4 shows about this much). */
export const CONTINENT_BOXES: { name: string; bbox: Bbox }[] = [
  { name: 'North America', bbox: [-130, 24, -60, 55] },
  { name: 'Europe', bbox: [-11, 36, 25, 60] },
];

export const bboxParam = (b: Bbox) => b.map((n) => n.toFixed(4)).join(',');

/** Words the seeded titles and descriptions use, for full-text queries that match something. */
export const SEARCH_WORDS = [
  'sunny',
  'renovated',
  'garden',
  'brick',
  'terrace',
  'fireplace',
  'quiet',
  'spacious',
];
