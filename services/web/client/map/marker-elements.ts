import { formatMoney, formatMoneyCompact } from '../../src/shared/format.js';
import { locale, m, plurals } from '../i18n.js';
import type { MapMarker } from './map-markers.js';

/** What a marker needs from the map page when a person uses it. */
export interface MarkerActions {
  zoomInto(marker: Extract<MapMarker, { kind: 'cluster' }>): void;
  hover(id: string | undefined): void;
}

/** Identity of a marker's look: an element is rebuilt only when this changes. */
export const markerKey = (marker: MapMarker): string =>
  marker.kind === 'cluster' ? `c:${marker.id}:${marker.count}` : `l:${marker.id}:${marker.priceMinor}`;

/**
 * A marker as an HTML element, so it is focusable and announced: a cluster is a button that zooms in,
 * a listing a link to its page. (MapLibre symbol layers would need glyphs from a server.)
 */
export function markerElement(marker: MapMarker, actions: MarkerActions): HTMLElement {
  if (marker.kind === 'cluster') {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'marker marker-cluster';
    button.textContent = new Intl.NumberFormat(locale, { notation: 'compact' }).format(marker.count);
    button.setAttribute('aria-label', m.clusterLabel(marker.count, plurals));
    button.dataset.count = String(marker.count);
    button.dataset.lat = String(marker.lat);
    button.dataset.lng = String(marker.lng);
    // Bigger for more listings, within a range a finger can hit and the map can still show.
    const size = Math.round(32 + Math.min(28, Math.log10(marker.count + 1) * 12));
    button.style.width = button.style.height = `${size}px`;
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      actions.zoomInto(marker);
    });
    return button;
  }
  const link = document.createElement('a');
  link.href = `/listings/${marker.id}`;
  link.className = 'marker marker-listing';
  link.dataset.id = marker.id;
  link.textContent = formatMoneyCompact(marker.priceMinor, marker.currency, locale);
  link.setAttribute(
    'aria-label',
    `${formatMoney(marker.priceMinor, marker.currency, locale)} ${m.perMonth}, ${m.beds(marker.beds, plurals)}`,
  );
  link.addEventListener('mouseenter', () => actions.hover(marker.id));
  link.addEventListener('mouseleave', () => actions.hover(undefined));
  link.addEventListener('focus', () => actions.hover(marker.id));
  link.addEventListener('blur', () => actions.hover(undefined));
  return link;
}
