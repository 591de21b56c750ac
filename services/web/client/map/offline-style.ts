import type { StyleSpecification } from 'maplibre-gl';
import { basemapUrls } from 'virtual:offline-basemap';

// Relative URLs would resolve against MapLibre's worker script, not the page.
const absolute = (url: string) => new URL(url, window.location.href).href;

/** The built-in basemap: land, country, US state and county lines; no labels, no tiles. */
export function offlineStyle(): StyleSpecification {
  const source = (name: keyof typeof basemapUrls) => ({
    type: 'geojson' as const,
    data: absolute(basemapUrls[name]),
  });
  return {
    version: 8,
    sources: {
      land: source('land'),
      countries: source('countries'),
      states: source('states'),
      counties: source('counties'),
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#cfe3ef' } },
      {
        id: 'land',
        type: 'fill',
        source: 'land',
        paint: { 'fill-color': '#f4f1ea', 'fill-outline-color': '#9bb8c9' },
      },
      {
        id: 'counties',
        type: 'line',
        source: 'counties',
        minzoom: 6,
        paint: { 'line-color': '#d8d1c4', 'line-width': 0.6 },
      },
      {
        id: 'states',
        type: 'line',
        source: 'states',
        minzoom: 2.5,
        paint: { 'line-color': '#b3a99a', 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: 'countries',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': '#8c8273', 'line-width': 1.2 },
      },
    ],
  };
}
