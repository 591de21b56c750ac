import { useCallback, useEffect, useState } from 'react';
import { parseSearchState, serializeSearchState, type SearchState } from './search-state.js';

/**
 * The search state, held in the URL. A filter change is a new history entry (back undoes it); moving
 * the map replaces the current entry, so back does not replay every pan. Back and forward restore the
 * state from the URL.
 */
export function useSearchState(): [SearchState, (next: SearchState, entry: 'push' | 'replace') => void] {
  const [state, setState] = useState(() => parseSearchState(window.location.search));
  useEffect(() => {
    const restore = () => setState(parseSearchState(window.location.search));
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);
  const update = useCallback((next: SearchState, entry: 'push' | 'replace') => {
    const url = `${window.location.pathname}?${serializeSearchState(next)}`;
    if (entry === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setState(next);
  }, []);
  return [state, update];
}
