/// <reference lib="webworker" />
// The service worker each app registers (built by scripts/build-apps.ts into renderer/dist/<app>/sw.js
// with that build's file list). It keeps the app loadable with the hub unreachable: the app shell is
// precached at install (under the scope's own URL, `./`), navigations fall back to it, and the views an
// app opens with (menu, floor, a table's session, the kitchen board) are served from the network when
// possible and from the cache when not, so a tablet reloaded with the hub out of reach shows the last
// state it saw (the connection pill says it is stale) instead of an error page. Commands are never
// cached: they wait in IndexedDB (pending-store.ts) with their ids.
declare const __PRECACHE__: string[];
declare const __VERSION__: string;
declare const __APP__: string;

// `self` typed as what it is here: a service worker's global scope.
const sw = globalThis as unknown as ServiceWorkerGlobalScope;

const CACHE = `comanda-${__APP__}-${__VERSION__}`;
const DATA_CACHE = `comanda-${__APP__}-data`;
const scope = new URL(sw.registration.scope);
/** Read views, by path prefix. The cache key is the full URL, so each station's board is its own. */
const CACHED_API = ['/api/menu', '/api/floor', '/api/sessions/', '/api/kitchen/board'];

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(__PRECACHE__.map((file) => new URL(file, scope).toString())))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith(`comanda-${__APP__}-`) && k !== CACHE && k !== DATA_CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

async function networkFirst(request: Request, cacheName: string, fallback?: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok && request.method === 'GET') await cache.put(fallback ?? request, response.clone());
    return response;
  } catch {
    const hit = (await cache.match(fallback ?? request)) ?? (await caches.match(fallback ?? request));
    if (hit) return hit;
    return new Response(JSON.stringify({ code: 'UNAVAILABLE', message: 'the hub is unreachable' }), {
      status: 503,
      headers: { 'Content-Type': 'application/json' },
    });
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith(scope.pathname)) {
    // The app's routes are client-side: any page under the scope is the shell, which install cached
    // under the scope's URL (the build lists it as `./`); a lookup under `index.html` would miss it.
    event.respondWith(networkFirst(request, CACHE, scope.toString()));
    return;
  }
  if (CACHED_API.some((prefix) => url.pathname.startsWith(prefix))) {
    event.respondWith(networkFirst(request, DATA_CACHE));
    return;
  }
  if (url.pathname.startsWith(scope.pathname)) event.respondWith(cacheFirst(request));
});

export {};
