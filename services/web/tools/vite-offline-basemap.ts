// The offline basemap: country, state and county boundaries from the world-atlas and us-atlas packages
// (Natural Earth, US Census), converted from TopoJSON to GeoJSON at build time and emitted as hashed
// assets. The client imports `virtual:offline-basemap` for their URLs; nothing comes from a tile server.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, GeoJsonObject } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:offline-basemap';
const RESOLVED_ID = `\0${MODULE_ID}`;
const require = createRequire(import.meta.url);

const topology = (file: string): Topology =>
  JSON.parse(readFileSync(require.resolve(file), 'utf8')) as Topology;

/** Coordinates to 4 decimals (~10 m): invisible at the zooms the boundaries are drawn, a third smaller. */
const compact = (geojson: GeoJsonObject): string =>
  JSON.stringify(geojson, (_key, value: unknown) =>
    typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : value,
  );

/** The basemap's layers as GeoJSON: land to fill, and boundary lines drawn once per shared edge. */
export function basemapLayers(): Record<string, GeoJsonObject> {
  const world = topology('world-atlas/countries-50m.json');
  const us = topology('us-atlas/counties-10m.json');
  const objects = <T extends string>(t: Topology, name: T) => t.objects[name] as GeometryCollection;
  const land: FeatureCollection = feature(world, objects(world, 'land')) as FeatureCollection;
  return {
    land,
    countries: mesh(world, objects(world, 'countries'), (a, b) => a !== b),
    states: mesh(us, objects(us, 'states'), (a, b) => a !== b),
    counties: mesh(
      us,
      objects(us, 'counties'),
      (a, b) => a !== b && a.id?.toString().slice(0, 2) === b.id?.toString().slice(0, 2),
    ),
  };
}

/** Vite plugin: `import { basemapUrls } from 'virtual:offline-basemap'` (build only: it emits assets). */
export function offlineBasemap(): Plugin {
  return {
    name: 'portfolioos-offline-basemap',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const entries = Object.entries(basemapLayers()).map(([name, geojson]) => {
        const ref = this.emitFile({
          type: 'asset',
          name: `basemap-${name}.geojson`,
          source: compact(geojson),
        });
        return `  ${name}: import.meta.ROLLUP_FILE_URL_${ref},`;
      });
      return `export const basemapUrls = {\n${entries.join('\n')}\n};\n`;
    },
  };
}
