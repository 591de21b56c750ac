// Modules made by Vite plugins at build time (tools/).
declare module 'virtual:offline-basemap' {
  /** URLs of the basemap's GeoJSON layers (hashed assets). */
  export const basemapUrls: {
    land: string;
    countries: string;
    states: string;
    counties: string;
  };
}
