import { ProblemError, type ProblemFieldError } from '@portfolioos/service-kit';
import { areaErrors, type SearchArea } from './search-area.js';
import type { SearchQuery, SortOrder } from './search-params.js';

export interface BoundingBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface Circle {
  lat: number;
  lng: number;
  radiusM: number;
}

/** A search, checked beyond what the querystring schema can say (coordinates, ranges, combinations). */
export interface SearchRequest {
  text: string | null;
  bbox: BoundingBox | null;
  near: Circle | null;
  /** A drawn map area (POST): GeoJSON Polygon or MultiPolygon, already checked. */
  area: SearchArea | null;
  priceMin: number | null;
  priceMax: number | null;
  currency: string | null;
  bedsMin: number | null;
  bathsMin: number | null;
  pets: string[];
  amenities: string[];
  propertyTypes: string[];
  availableBy: string | null;
  sort: SortOrder;
  zoom: number | null;
  priceInterval: number;
  limit: number;
  cursor: string | null;
}

/**
 * Turns the validated querystring (and, for POST, the area) into a SearchRequest, or a 400 problem
 * listing every bad field.
 */
export function parseSearchRequest(query: SearchQuery, area: SearchArea | null = null): SearchRequest {
  const errors: ProblemFieldError[] = area ? areaErrors(area) : [];
  const fail = (field: string, message: string) => errors.push({ in: 'querystring', field, message });
  const bbox = query.bbox === undefined ? null : parseBbox(query.bbox, (m) => fail('bbox', m));
  const near = parseNear(query, fail);
  if (bbox && near) fail('bbox', 'use either bbox or near, not both');
  if (area && (bbox || near))
    fail(bbox ? 'bbox' : 'near', 'use either the area in the body or this, not both');
  if (query.price_min !== undefined && query.price_max !== undefined && query.price_min > query.price_max)
    fail('price_min', 'must not be greater than price_max');
  const text = query.q?.trim() || null;
  const sort = query.sort ?? (text ? 'relevance' : near ? 'distance' : 'newest');
  if (sort === 'distance' && !near) fail('sort', 'distance needs near and radius_m');
  if (sort === 'relevance' && !text) fail('sort', 'relevance needs q (full text)');
  if (errors.length > 0) {
    throw new ProblemError({
      status: 400,
      slug: 'invalid-search',
      title: 'Bad Request',
      detail: 'The search parameters are not valid.',
      errors,
    });
  }
  return {
    text,
    bbox,
    near,
    area,
    priceMin: query.price_min ?? null,
    priceMax: query.price_max ?? null,
    currency: query.currency ?? null,
    bedsMin: query.beds_min ?? null,
    bathsMin: query.baths_min ?? null,
    pets: splitList(query.pets),
    amenities: splitList(query.amenities),
    // The index keeps the Avro enum's spelling (SINGLE_FAMILY); the public API speaks lower case.
    propertyTypes: splitList(query.property_type).map((t) => t.toUpperCase()),
    availableBy: query.available_by ?? null,
    sort,
    zoom: query.zoom ?? null,
    priceInterval: query.price_interval,
    limit: query.limit,
    cursor: query.cursor ?? null,
  };
}

function parseBbox(raw: string, fail: (message: string) => void): BoundingBox | null {
  const numbers = parseNumbers(raw, 4);
  if (!numbers) {
    fail('must be four numbers: minLng,minLat,maxLng,maxLat');
    return null;
  }
  const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
  if (![minLng, maxLng].every(isLongitude)) fail('longitudes must be within -180..180');
  else if (![minLat, maxLat].every(isLatitude)) fail('latitudes must be within -90..90');
  else if (minLng > maxLng || minLat > maxLat) fail('box is inverted: min must not exceed max');
  else return { minLng, minLat, maxLng, maxLat };
  return null;
}

function parseNear(query: SearchQuery, fail: (field: string, message: string) => void): Circle | null {
  if (query.near === undefined) {
    if (query.radius_m !== undefined) fail('radius_m', 'needs near');
    return null;
  }
  const numbers = parseNumbers(query.near, 2);
  if (!numbers) fail('near', 'must be two numbers: lat,lng');
  else if (!isLatitude(numbers[0]!) || !isLongitude(numbers[1]!))
    fail('near', 'lat must be within -90..90 and lng within -180..180');
  if (query.radius_m === undefined) fail('radius_m', 'is required with near');
  if (!numbers || query.radius_m === undefined) return null;
  return { lat: numbers[0]!, lng: numbers[1]!, radiusM: query.radius_m };
}

function parseNumbers(raw: string, count: number): number[] | null {
  const parts = raw.split(',');
  if (parts.length !== count) return null;
  const numbers = parts.map((p) => (/^\s*-?\d+(\.\d+)?\s*$/.test(p) ? Number(p) : Number.NaN));
  return numbers.every(Number.isFinite) ? numbers : null;
}

const isLatitude = (n: number) => n >= -90 && n <= 90;
const isLongitude = (n: number) => n >= -180 && n <= 180;
const splitList = (raw: string | undefined) => (raw ? [...new Set(raw.split(','))] : []);
