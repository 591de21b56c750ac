import { Type } from '@sinclair/typebox';
import { tileBounds } from '../../db/map-tiles.js';
import type { TileRange } from './cell-grid.js';
import type { CellCount } from './cluster-repository.js';

const cellBounds = Type.Object({
  min_lng: Type.Number(),
  min_lat: Type.Number(),
  max_lng: Type.Number(),
  max_lat: Type.Number(),
});
const clusterFields = {
  cluster: Type.Literal(true),
  id: Type.String({ description: 'zoom/x/y of the web-mercator tile the cell is' }),
  count: Type.Integer({ minimum: 1 }),
};

export const clusterPageSchema = Type.Object({
  cell_zoom: Type.Integer({
    description: 'Tile zoom of the cells (min(zoom + 2, 24), coarser for wide areas)',
  }),
  total: Type.Integer({ description: 'Listings in all cells' }),
  clusters: Type.Array(
    Type.Object({
      ...clusterFields,
      centroid: Type.Object({ lat: Type.Number(), lng: Type.Number() }, { description: 'Mean position' }),
      bounds: cellBounds,
    }),
    { maxItems: 500 },
  ),
});

export const clusterFeatureCollectionSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  cell_zoom: Type.Integer(),
  total: Type.Integer(),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: 'The cell' }),
      geometry: Type.Object({
        type: Type.Literal('Point'),
        coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
      }),
      properties: Type.Object(clusterFields),
    }),
    { maxItems: 500 },
  ),
});

/** The JSON (or, with `geojson`, the FeatureCollection) answer of a cluster search. */
export function clusterResponse(cells: CellCount[], range: TileRange, format: 'json' | 'geojson' = 'json') {
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  const clusters = cells.map((c) => ({
    cluster: true as const,
    id: `${range.zoom}/${c.x}/${c.y}`,
    count: c.count,
    centroid: { lat: c.lat, lng: c.lng },
    bounds: tileBounds(range.zoom, c.x, c.y),
  }));
  if (format === 'json') return { cell_zoom: range.zoom, total, clusters };
  return {
    type: 'FeatureCollection' as const,
    cell_zoom: range.zoom,
    total,
    features: clusters.map(({ centroid, bounds, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.id,
      bbox: [bounds.min_lng, bounds.min_lat, bounds.max_lng, bounds.max_lat],
      geometry: { type: 'Point' as const, coordinates: [centroid.lng, centroid.lat] },
      properties,
    })),
  };
}
