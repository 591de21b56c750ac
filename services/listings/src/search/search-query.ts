import { Type, type Static } from '@sinclair/typebox';
import type { Pet } from '@portfolioos/contracts';
import type { SearchArea, SearchCriteria } from './search-criteria.js';
import {
  parseClusterZoom,
  parseFilters,
  parseSort,
  queryAreaAndListFields,
  SearchProblems,
  sharedSearchFields,
} from './search-filters.js';

/** Query string of GET /v1/listings/search (the shared contract); areas and lists are parsed by parseSearch. */
export const searchQuerystring = Type.Object(
  { ...queryAreaAndListFields, ...sharedSearchFields },
  { additionalProperties: false },
);
export type SearchQuerystring = Static<typeof searchQuerystring>;

type Bad = (field: string, message: string) => void;
const DECIMAL = /^\s*-?\d+(\.\d+)?\s*$/;

/** Turns the query string into criteria, or a 400 problem listing every bad field. */
export function parseSearch(query: SearchQuerystring): SearchCriteria {
  const problems = new SearchProblems('querystring');
  const area = parseArea(query, problems.bad);
  const filters = parseFilters(
    query,
    {
      amenities: query.amenities?.split(',') ?? [],
      propertyTypes: query.property_type?.split(',') ?? [],
      pets: (query.pets?.split(',') ?? []) as Pet[],
    },
    problems,
  );
  const sort = parseSort(query.sort, problems) ?? (area?.kind === 'near' ? 'distance' : 'newest');
  if (sort === 'distance' && area?.kind !== 'near') problems.bad('sort', 'distance needs near=lat,lng');
  const clusterZoom = parseClusterZoom(query, problems);
  // Cells tile a rectangle; a circle's clusters would need its envelope and a second membership rule.
  if (query.cluster && area?.kind === 'near')
    problems.bad('cluster', 'clusters need bbox (or POST a polygon)');
  if (problems.list.length > 0 || !area) return problems.fail();
  return { ...filters, area, sort, limit: query.limit, clusterZoom };
}

function parseArea(query: SearchQuerystring, bad: Bad): SearchArea | undefined {
  if ((query.bbox === undefined) === (query.near === undefined)) {
    bad(query.bbox === undefined ? 'bbox' : 'near', 'give exactly one area: bbox, or near with radius_m');
    return undefined;
  }
  if (query.bbox !== undefined) return parseBbox(query.bbox, bad);
  if (query.radius_m === undefined) {
    bad('radius_m', 'near needs radius_m (metres)');
    return undefined;
  }
  const point = numbers(query.near!, 2);
  if (!point) return void bad('near', 'expected lat,lng as two decimal numbers');
  const [lat, lng] = point as [number, number];
  if (!validLat(lat)) bad('near', 'latitude must be within -90..90');
  if (!validLng(lng)) bad('near', 'longitude must be within -180..180');
  return { kind: 'near', lat, lng, radiusM: query.radius_m };
}

function parseBbox(text: string, bad: Bad): SearchArea | undefined {
  const values = numbers(text, 4);
  if (!values) return void bad('bbox', 'expected minLng,minLat,maxLng,maxLat as four decimal numbers');
  const [minLng, minLat, maxLng, maxLat] = values as [number, number, number, number];
  if (![minLng, maxLng].every(validLng)) bad('bbox', 'longitudes must be within -180..180');
  if (![minLat, maxLat].every(validLat)) bad('bbox', 'latitudes must be within -90..90');
  // A box across the antimeridian would need minLng > maxLng; the map client splits those into two.
  if (minLng > maxLng || minLat > maxLat) bad('bbox', 'the box is inverted (min greater than max)');
  return { kind: 'bbox', minLng, minLat, maxLng, maxLat };
}

function numbers(text: string, count: number): number[] | undefined {
  const parts = text.split(',');
  if (parts.length !== count || !parts.every((p) => DECIMAL.test(p))) return undefined;
  return parts.map(Number);
}

const validLat = (lat: number) => lat >= -90 && lat <= 90;
const validLng = (lng: number) => lng >= -180 && lng <= 180;
