// Where the waiter is, in the URL hash (#/ the floor, #/table/<sessionId> a table), so a reload or the
// browser's back button lands in the same place.
import { useSyncExternalStore } from 'react';

export type Route = { kind: 'floor' } | { kind: 'session'; sessionId: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/table\/([^/?#]+)$/.exec(hash);
  return m ? { kind: 'session', sessionId: decodeURIComponent(m[1]!) } : { kind: 'floor' };
}

export function routeHash(route: Route): string {
  return route.kind === 'session' ? `#/table/${encodeURIComponent(route.sessionId)}` : '#/';
}

export function navigate(route: Route): void {
  location.hash = routeHash(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}
