import { Type } from '@sinclair/typebox';
import { problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { clusterFeatureCollectionSchema, clusterPageSchema } from './clusters/cluster-responses.js';
import { parsePolygonSearch, polygonSearchBody } from './polygon/polygon-body.js';
import { MAX_POLYGON_BODY_BYTES } from './polygon/polygon-rules.js';
import { refuseRetiredSpellings } from './search-filters.js';
import { parseSearch, searchQuerystring } from './search-query.js';
import type { ListingSearch } from './search-service.js';
import { searchFeatureCollectionSchema, searchPageSchema } from './schemas.js';

const tags = ['search'];
const publicRoute = { auth: { public: true as const } };
const response = {
  200: Type.Union([
    searchPageSchema,
    searchFeatureCollectionSchema,
    clusterPageSchema,
    clusterFeatureCollectionSchema,
  ]),
  400: problemSchema,
};
const answers =
  'format=geojson answers a FeatureCollection. cluster=true&zoom=Z answers counts per web-mercator cell ' +
  '(tiles at min(Z+2, 24), coarser until the area touches at most 500 cells) with their mean position.';

/** /v1/listings/search: public map search over published listings of every organization. */
export function searchRoutes(search: ListingSearch): ServicePlugin {
  return async (app) => {
    app.get(
      '/search',
      {
        config: publicRoute,
        preValidation: async (request) => refuseRetiredSpellings(request.query, 'querystring'),
        schema: {
          tags,
          summary: 'Search published listings on the map (no sign-in)',
          description: `Area: bbox=minLng,minLat,maxLng,maxLat or near=lat,lng&radius_m=. ${answers} A bbox cluster counts every listing of each cell the box touches.`,
          querystring: searchQuerystring,
          response,
        },
      },
      (request) => search.run(parseSearch(request.query), request.query),
    );
    app.post(
      '/search',
      {
        config: publicRoute,
        // A body this size is refused (413) before it is parsed: no area worth drawing is larger.
        bodyLimit: MAX_POLYGON_BODY_BYTES,
        preValidation: async (request) => refuseRetiredSpellings(request.body, 'body'),
        schema: {
          tags,
          summary: 'Search published listings inside a drawn area (no sign-in)',
          description: `Area: a GeoJSON Polygon or MultiPolygon. Distances (sort=distance) are from near, else the area's centroid. Pages: send the same body with cursor=next_cursor. ${answers} Polygon clusters count only listings inside the area. 413: the body is over ${MAX_POLYGON_BODY_BYTES / 1024} KiB.`,
          body: polygonSearchBody,
          response: { ...response, 413: problemSchema },
        },
      },
      (request) => search.run(parsePolygonSearch(request.body), request.body),
    );
  };
}
