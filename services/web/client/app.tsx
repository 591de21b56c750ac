import type { RuntimeConfig } from '../src/app-shell/runtime-config.js';
import { m } from './i18n.js';
import { MapSearchPage } from './search/map-search-page.js';

/** The client's pages by path (the server answers each of src/shared/client-paths.ts with the shell). */
export function App({ config }: { config: RuntimeConfig }) {
  if (window.location.pathname === '/') return <MapSearchPage mapStyleUrl={config.mapStyleUrl} />;
  return (
    <main className="not-found">
      <h1>{m.notFound}</h1>
      <a href="/">{m.backToSearch}</a>
    </main>
  );
}
