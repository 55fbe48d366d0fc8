// The admin's pages, addressed by the URL hash (#/catalog, #/floor/qr…) so a reload, the back button and
// the desktop shell's links land on the same page, and the static server needs no rewrites.
import { useSyncExternalStore } from 'react';

export const PAGES = [
  'catalog',
  'floor',
  'staff',
  'cashup',
  'devices',
  'sync',
  'settings',
  'https',
  'maintenance',
] as const;
export type PageId = (typeof PAGES)[number];

export interface Route {
  page: PageId;
  /** Sub-page, e.g. `qr` for the printable QR sheet under floor. */
  sub?: string;
}

export function parseRoute(hash: string): Route {
  const [page, sub] = hash.replace(/^#\/?/, '').split('/');
  const known = PAGES.find((p) => p === page);
  return known ? { page: known, ...(sub ? { sub } : {}) } : { page: 'catalog' };
}

export function hrefOf(route: Route): string {
  return `#/${route.page}${route.sub ? `/${route.sub}` : ''}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
