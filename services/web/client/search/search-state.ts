// The whole map search in the URL's query string, so a search can be shared, reloaded and walked back
// through: the map's centre and zoom plus every filter. Pure functions; use-search-state.ts binds them
// to the browser's history.
import { PETS, PROPERTY_TYPES, type Pet, type PropertyType } from './vocabulary.js';

export interface MapView {
  lat: number;
  lng: number;
  zoom: number;
}

export interface SearchFilters {
  q?: string;
  /** Monthly rent bounds in major units of `currency` (what a person types). */
  priceMin?: number;
  priceMax?: number;
  currency: string;
  bedsMin?: number;
  bathsMin?: number;
  pets: Pet[];
  propertyTypes: PropertyType[];
}

export interface SearchState {
  view: MapView;
  filters: SearchFilters;
}

/** The contiguous United States, where the demo portfolio is. */
export const DEFAULT_VIEW: MapView = { lat: 39.5, lng: -98.35, zoom: 3.5 };
export const DEFAULT_CURRENCY = 'USD';
export const EMPTY_FILTERS: SearchFilters = { currency: DEFAULT_CURRENCY, pets: [], propertyTypes: [] };

const number = (raw: string | null, min: number, max: number): number | undefined => {
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
};
const list = <T extends string>(raw: string | null, allowed: readonly T[]): T[] =>
  [...new Set((raw ?? '').split(','))].filter((v): v is T => (allowed as readonly string[]).includes(v));

/** Reads a query string; anything malformed or out of range falls back to its default, never throws. */
export function parseSearchState(search: string): SearchState {
  const p = new URLSearchParams(search);
  const lat = number(p.get('lat'), -85, 85);
  const lng = number(p.get('lng'), -180, 180);
  const zoom = number(p.get('z'), 0, 22);
  const q = p.get('q')?.trim().slice(0, 200);
  const currency = p.get('currency');
  const filters: SearchFilters = {
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : DEFAULT_CURRENCY,
    pets: list(p.get('pets'), PETS),
    propertyTypes: list(p.get('type'), PROPERTY_TYPES),
  };
  if (q) filters.q = q;
  const optional = {
    priceMin: number(p.get('price_min'), 0, 1e9),
    priceMax: number(p.get('price_max'), 0, 1e9),
    bedsMin: number(p.get('beds'), 0, 50),
    bathsMin: number(p.get('baths'), 0, 50),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) filters[key as keyof typeof optional] = value;
  }
  const view =
    lat !== undefined && lng !== undefined && zoom !== undefined ? { lat, lng, zoom } : DEFAULT_VIEW;
  return { view, filters };
}

/** The query string of a state (without `?`), in a stable order, defaults left out. */
export function serializeSearchState({ view, filters }: SearchState): string {
  const p = new URLSearchParams();
  p.set('lat', view.lat.toFixed(5));
  p.set('lng', view.lng.toFixed(5));
  p.set('z', view.zoom.toFixed(2));
  if (filters.q) p.set('q', filters.q);
  if (filters.priceMin !== undefined) p.set('price_min', String(filters.priceMin));
  if (filters.priceMax !== undefined) p.set('price_max', String(filters.priceMax));
  if (filters.currency !== DEFAULT_CURRENCY) p.set('currency', filters.currency);
  if (filters.bedsMin !== undefined) p.set('beds', String(filters.bedsMin));
  if (filters.bathsMin !== undefined) p.set('baths', String(filters.bathsMin));
  if (filters.pets.length) p.set('pets', filters.pets.join(','));
  if (filters.propertyTypes.length) p.set('type', filters.propertyTypes.join(','));
  return p.toString();
}

/** Whether two views are the same place to the URL's precision (the map echoes what it was told). */
export const sameView = (a: MapView, b: MapView): boolean =>
  Math.abs(a.lat - b.lat) < 1e-5 && Math.abs(a.lng - b.lng) < 1e-5 && Math.abs(a.zoom - b.zoom) < 0.01;
