// Who this kitchen screen is: a paired device (a `cdv_` token pasted once, or brought by the
// ?device=… link the admin generates, then kept in localStorage) and/or a cook signed in with a PIN.
// The device token keeps the board live forever; bumping needs a cook, because the hub runs kitchen
// commands only for staff.
import { createStore, type Store } from '../../shared/use-store.js';

const DEVICE_KEY = 'comanda.kitchen.device';

export function isDeviceToken(token: string): boolean {
  return /^cdv_[A-Za-z0-9_-]{16,200}$/.test(token);
}

/** Takes ?device=cdv_… off the address (so it is not bookmarked or shown) and keeps it. */
export function captureDeviceToken(storage: Storage = localStorage): string | null {
  const url = new URL(location.href);
  const fromLink = url.searchParams.get('device');
  if (fromLink !== null) {
    if (isDeviceToken(fromLink)) storage.setItem(DEVICE_KEY, fromLink);
    url.searchParams.delete('device');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return storage.getItem(DEVICE_KEY);
}

export function createDeviceStore(storage: Storage = localStorage): Store<string | null> & {
  save(token: string | null): void;
} {
  const store = createStore<string | null>(captureDeviceToken(storage));
  return {
    ...store,
    save(token) {
      if (token) storage.setItem(DEVICE_KEY, token);
      else storage.removeItem(DEVICE_KEY);
      store.set(token);
    },
  };
}
