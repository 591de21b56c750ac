import type { ReactNode } from 'react';
import { SiteHeader } from '../site-header.js';

/** The frame of the sign-in pages: the site header and one centred card with the page's heading. */
export function AuthLayout({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  return (
    <div className="page">
      <SiteHeader />
      <main className="auth-card">
        <h1>{title}</h1>
        {lead && <p className="muted">{lead}</p>}
        {children}
      </main>
    </div>
  );
}
