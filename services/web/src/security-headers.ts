import type { ContentSecurityDirectives } from '@portfolioos/service-kit';

export interface SecurityHeaderOptions {
  /** A configured production map style: its tiles, sprites and glyphs come from other https origins. */
  mapStyleUrl: string;
}

/**
 * The web app's Content-Security-Policy (service-kit's helmet sends it with the other security headers):
 * scripts only from this origin (the JSON data blocks in the shell and listing pages are not scripts),
 * MapLibre's worker from a blob: URL, map data from this origin only unless a production style is
 * configured, and no framing.
 */
export function contentSecurityPolicy({ mapStyleUrl }: SecurityHeaderOptions): ContentSecurityDirectives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    // MapLibre positions markers with style attributes.
    styleSrc: ["'self'", "'unsafe-inline'"],
    // Listing photos come from object storage (presigned https URLs).
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    connectSrc: mapStyleUrl ? ["'self'", 'https:'] : ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}
