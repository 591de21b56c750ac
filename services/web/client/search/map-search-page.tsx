import { useCallback, useMemo, useState } from 'react';
import { m } from '../i18n.js';
import { SiteHeader } from '../site-header.js';
import { SearchMap } from '../map/search-map.js';
import { FilterBar } from './filter-bar.js';
import { ResultList } from './result-list.js';
import type { Bbox } from './search-requests.js';
import type { MapView, SearchFilters } from './search-state.js';
import { useSearchResults } from './use-search-results.js';
import { useSearchState } from './use-search-state.js';

/** Map search for prospective tenants (no sign-in): filters, the map and the result list in sync. */
export function MapSearchPage({ mapStyleUrl }: { mapStyleUrl: string }) {
  const [state, setState] = useSearchState();
  const [bbox, setBbox] = useState<Bbox>();
  const [hovered, setHovered] = useState<string>();
  const { list, markers, loading, failed } = useSearchResults(state.filters, bbox, state.view.zoom);

  const onMove = useCallback(
    (view: MapView, box: Bbox) => {
      setBbox(box);
      setState({ ...state, view }, 'replace');
    },
    [state, setState],
  );
  const onFilters = useCallback(
    (filters: SearchFilters) => setState({ ...state, filters }, 'push'),
    [state, setState],
  );
  const highlighted = useMemo(() => {
    const item = list.data?.items.find((i) => i.id === hovered);
    return item ? { id: item.id, lat: item.location.lat, lng: item.location.lng } : undefined;
  }, [list.data, hovered]);

  return (
    <div className="map-search">
      <SiteHeader>
        <h1>{m.searchTitle}</h1>
      </SiteHeader>
      <FilterBar filters={state.filters} onChange={onFilters} />
      <main className="map-search-main">
        <ResultList
          answer={list.data}
          loading={loading}
          failed={failed}
          highlightedId={hovered}
          onHover={setHovered}
        />
        <SearchMap
          view={state.view}
          styleUrl={mapStyleUrl}
          markers={markers}
          highlighted={highlighted}
          onMove={onMove}
          onHover={setHovered}
        />
      </main>
    </div>
  );
}
