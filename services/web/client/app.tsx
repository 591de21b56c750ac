import { lazy, Suspense, type ComponentType } from 'react';
import type { RuntimeConfig } from '../src/app-shell/runtime-config.js';
import { m } from './i18n.js';
import { usePathname } from './routing.js';
import { MapSearchPage } from './search/map-search-page.js';

// Pages other than the map load on demand, so the map page's JavaScript stays within its budget.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
const LoginPage = page(() => import('./auth/login-page.js'), 'LoginPage');
const SignUpPage = page(() => import('./auth/signup-page.js'), 'SignUpPage');
const AcceptInvitationPage = page(() => import('./auth/accept-invitation-page.js'), 'AcceptInvitationPage');
const WorkspacePage = page(() => import('./workspace/workspace-page.js'), 'WorkspacePage');

/** The client's pages by path (the server answers each of src/shared/client-paths.ts with the shell). */
export function App({ config }: { config: RuntimeConfig }) {
  const path = usePathname();
  if (path === '/') return <MapSearchPage mapStyleUrl={config.mapStyleUrl} />;
  return (
    <Suspense fallback={<p className="page-loading">{m.working}</p>}>
      <ClientPage path={path} />
    </Suspense>
  );
}

function ClientPage({ path }: { path: string }) {
  if (path === '/login') return <LoginPage />;
  if (path === '/signup') return <SignUpPage />;
  if (path === '/accept-invitation') return <AcceptInvitationPage />;
  if (path === '/workspace' || path.startsWith('/workspace/')) return <WorkspacePage />;
  return (
    <main className="not-found">
      <h1>{m.notFound}</h1>
      <a href="/">{m.backToSearch}</a>
    </main>
  );
}
