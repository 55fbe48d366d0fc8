// The dashboard's pages, addressed by the URL hash (#/reports, #/menu/<branch>) so reloads and the back
// button land on the same page and the cloud serves one index.html with no rewrites.
import { useSyncExternalStore } from 'react';

export const PAGES = ['overview', 'reports', 'menu'] as const;
export type PageId = (typeof PAGES)[number];

export interface Route {
  page: PageId;
  /** The branch, for the menu editor. */
  branchId?: string;
}

export function parseRoute(hash: string): Route {
  const [page, arg] = hash.replace(/^#\/?/, '').split('/');
  const known = PAGES.find((p) => p === page);
  if (!known) return { page: 'overview' };
  return arg ? { page: known, branchId: decodeURIComponent(arg) } : { page: known };
}

export function hrefOf(route: Route): string {
  return `#/${route.page}${route.branchId ? `/${encodeURIComponent(route.branchId)}` : ''}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, () => window.location.hash));
}
