// Registers the app's service worker where the browser allows it. Service workers need a secure context:
// on the LAN that is the hub's HTTPS port with its local CA installed (admin → Devices). Over plain HTTP
// the app still queues commands in IndexedDB, but a reload needs the hub; `offlineReloadSupported` lets
// the app say so.

export function offlineReloadSupported(): boolean {
  return globalThis.isSecureContext === true && 'serviceWorker' in navigator;
}

export function registerServiceWorker(): void {
  if (!offlineReloadSupported() || import.meta.env.DEV) return;
  // sw.js sits next to index.html, so its scope is the app's own prefix (/waiter/, /kitchen/, …).
  const url = new URL('sw.js', document.baseURI);
  navigator.serviceWorker.register(url, { scope: new URL('./', document.baseURI).pathname }).catch((err) => {
    console.warn('service worker not registered', err);
  });
}
