import { useSyncExternalStore, type MouseEvent } from 'react';

// Client-side navigation without a router library: the app has a handful of pages (app.tsx), each a path.
const NAVIGATED = 'portfolioos:navigate';

/** Goes to `href` in the app (a new history entry) without reloading the page. */
export function navigate(href: string, entry: 'push' | 'replace' = 'push'): void {
  if (entry === 'push') window.history.pushState(null, '', href);
  else window.history.replaceState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
};

/** The current path, re-rendering on navigation and back/forward. */
export const usePathname = () => useSyncExternalStore(subscribe, () => window.location.pathname);

/** An onClick for in-app links: a plain click navigates in place; modified clicks keep the browser's way. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
}
