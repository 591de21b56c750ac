import { useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import { m } from '../i18n.js';
import { POINTS_FROM_ZOOM, type Bbox } from '../search/search-requests.js';
import { sameView, type MapView } from '../search/search-state.js';
import { loadMapLibre, type MapLibre } from './load-maplibre.js';
import type { MapMarker } from './map-markers.js';
import { markerElement, markerKey, type MarkerActions } from './marker-elements.js';
import { offlineStyle } from './offline-style.js';

export interface SearchMapProps {
  view: MapView;
  /** A production style URL; empty for the offline basemap. */
  styleUrl: string;
  markers: MapMarker[];
  /** The listing hovered in the list: its marker stands out, or a pin shows it inside a cluster. */
  highlighted?: { id: string; lat: number; lng: number } | undefined;
  onMove(view: MapView, bbox: Bbox): void;
  onHover(id: string | undefined): void;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

function viewOf(map: MapLibreMap): { view: MapView; bbox: Bbox } {
  const c = map.getCenter();
  const b = map.getBounds();
  // The searches take WGS84 boxes; a world-wide view wraps past ±180°.
  const bbox: Bbox = [
    clamp(b.getWest(), -180, 180),
    clamp(b.getSouth(), -85, 85),
    clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -85, 85),
  ];
  return { view: { lat: c.lat, lng: c.lng, zoom: map.getZoom() }, bbox };
}

/** The map: pans and zooms report the view and its box; markers are HTML elements MapLibre positions. */
export function SearchMap({ view, styleUrl, markers, highlighted, onMove, onHover }: SearchMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<{ lib: MapLibre; map: MapLibreMap }>();
  const shown = useRef(new Map<string, { marker: Marker; key: string; element: HTMLElement }>());
  const pin = useRef<Marker | undefined>(undefined);
  const callbacks = useRef({ onMove, onHover });
  callbacks.current = { onMove, onHover };

  useEffect(() => {
    let created: MapLibreMap | undefined;
    let cancelled = false;
    void loadMapLibre().then((lib) => {
      if (cancelled || !container.current) return;
      created = new lib.Map({
        container: container.current,
        style: styleUrl || offlineStyle(),
        center: [view.lng, view.lat],
        zoom: view.zoom,
        maxZoom: 18,
        dragRotate: false,
        pitchWithRotate: false,
        attributionControl: styleUrl ? {} : { customAttribution: 'Natural Earth · US Census Bureau' },
      });
      created.touchZoomRotate.disableRotation();
      created.addControl(new lib.NavigationControl({ showCompass: false }), 'top-right');
      const report = () => {
        const current = viewOf(created!);
        callbacks.current.onMove(current.view, current.bbox);
      };
      created.on('moveend', report);
      // What tests (and anyone curious) can wait on: the map has drawn everything it was asked to.
      created.on('movestart', () => (container.current!.dataset.state = 'moving'));
      created.on('idle', () => (container.current!.dataset.state = 'idle'));
      report();
      setMap({ lib, map: created });
    });
    return () => {
      cancelled = true;
      created?.remove();
    };
    // The map is made once; later views reach it through the effect below.
  }, []);

  // Back/forward (or a shared link) moved the state: move the map to it.
  useEffect(() => {
    if (map && !sameView(viewOf(map.map).view, view))
      map.map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
  }, [map, view]);

  useEffect(() => {
    if (!map) return;
    const actions: MarkerActions = {
      zoomInto: (cluster) => {
        if (cluster.bounds)
          map.map.fitBounds([...cluster.bounds], { padding: 48, maxZoom: POINTS_FROM_ZOOM + 1 });
        else map.map.easeTo({ center: [cluster.lng, cluster.lat], zoom: map.map.getZoom() + 2 });
      },
      hover: (id) => callbacks.current.onHover(id),
    };
    const next = new Map<string, { marker: Marker; key: string; element: HTMLElement }>();
    for (const marker of markers) {
      const key = markerKey(marker);
      const existing = shown.current.get(marker.id);
      if (existing?.key === key) {
        next.set(marker.id, existing);
        shown.current.delete(marker.id);
        continue;
      }
      const element = markerElement(marker, actions);
      const placed = new map.lib.Marker({ element }).setLngLat([marker.lng, marker.lat]).addTo(map.map);
      next.set(marker.id, { marker: placed, key, element });
    }
    for (const stale of shown.current.values()) stale.marker.remove();
    shown.current = next;
  }, [map, markers]);

  useEffect(() => {
    if (!map) return;
    for (const [id, { element }] of shown.current)
      element.classList.toggle('is-highlighted', id === highlighted?.id);
    pin.current?.remove();
    pin.current = undefined;
    if (highlighted && !shown.current.has(highlighted.id)) {
      const element = document.createElement('div');
      element.className = 'marker-pin';
      element.setAttribute('aria-hidden', 'true');
      pin.current = new map.lib.Marker({ element })
        .setLngLat([highlighted.lng, highlighted.lat])
        .addTo(map.map);
    }
  }, [map, markers, highlighted]);

  return <div ref={container} className="search-map" role="region" aria-label={m.mapLabel} />;
}
