import type { ReactNode } from 'react';
import { m } from './i18n.js';
import { followLink, navigate } from './routing.js';
import { OrganizationSwitcher } from './session/organization-switcher.js';
import { useSession } from './session/session-provider.js';

/** The bar on every page: the brand, the page's own heading or tools, and who is signed in. */
export function SiteHeader({ children }: { children?: ReactNode }) {
  const session = useSession();
  const { state } = session;
  return (
    <header className="site-header">
      <a href="/" className="brand" onClick={followLink}>
        {m.appName}
      </a>
      {children}
      <nav className="account-nav" aria-label={m.signedInNav}>
        {state.status === 'signed-out' && (
          <a href="/login" onClick={followLink}>
            {m.signIn}
          </a>
        )}
        {state.status === 'signed-in' && (
          <>
            <a href="/workspace" onClick={followLink}>
              {m.workspace}
            </a>
            <OrganizationSwitcher me={state.me} />
            <span className="account-name">
              {m.signedInAs(state.me.user.display_name, m.roles[state.me.principal.roles[0] ?? ''] ?? '')}
            </span>
            <button
              type="button"
              className="secondary"
              onClick={() => void session.signOut().then(() => navigate('/login'))}
            >
              {m.signOut}
            </button>
          </>
        )}
      </nav>
    </header>
  );
}
