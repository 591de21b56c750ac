import { useEffect } from 'react';
import { SiteHeader } from '../site-header.js';
import { m } from '../i18n.js';
import { navigate, usePathname } from '../routing.js';
import { useSession } from '../session/session-provider.js';
import { PropertiesPanel } from './properties-panel.js';
import { PropertyPage } from './property-page.js';

/** /workspace: the landlord's pages; signed-out visitors are sent to sign in and brought back. */
export function WorkspacePage() {
  const { state } = useSession();
  const propertyId = /^\/workspace\/properties\/([0-9a-f-]{36})$/.exec(usePathname())?.[1];
  useEffect(() => {
    if (state.status === 'signed-out')
      navigate(`/login?next=${encodeURIComponent(window.location.pathname)}`, 'replace');
  }, [state.status]);
  if (state.status !== 'signed-in') return <p className="page-loading">{m.working}</p>;
  return (
    <div className="page">
      <SiteHeader />
      <main className="workspace">
        {propertyId ? (
          <PropertyPage id={propertyId} roles={state.me.principal.roles} />
        ) : (
          <PropertiesPanel roles={state.me.principal.roles} />
        )}
      </main>
    </div>
  );
}
