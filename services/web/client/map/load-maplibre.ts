import type * as MapLibreModule from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

export type MapLibre = typeof MapLibreModule;

/**
 * MapLibre, loaded on demand so the page's own code (and the result list) comes first. Its worker is a
 * hashed asset of this build: MapLibre would otherwise look for it beside its own module, which bundling
 * renames.
 */
export async function loadMapLibre(): Promise<MapLibre> {
  const maplibre = await import('maplibre-gl');
  maplibre.setWorkerUrl(new URL(workerUrl, window.location.href).href);
  return maplibre;
}
