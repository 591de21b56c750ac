import { navigate } from '../routing.js';

/** Where a sign-in page goes next: its `?next=` when that is a path of this app, else the workspace. */
export function goOnAfterSignIn(): void {
  const next = new URLSearchParams(window.location.search).get('next');
  navigate(next && /^\/(?!\/)/.test(next) ? next : '/workspace', 'replace');
}

/** The value of a form field as text. */
export const text = (form: FormData, name: string): string => String(form.get(name) ?? '');
