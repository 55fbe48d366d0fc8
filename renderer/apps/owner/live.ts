// Live updates from the cloud (server-sent events on /v1/owner/live). Each "update" moves a version that
// pages watch to refetch; the browser reconnects by itself and we say so in the top bar meanwhile. A slow
// timer refetches too, so a dashboard left open stays right even behind a proxy that drops the stream.
import { useEffect } from 'react';
import { createStore, useStore } from '../../shared/use-store.js';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export const live = createStore<{ status: LiveStatus; version: number }>({
  status: 'connecting',
  version: 0,
});

const bump = () => live.set((s) => ({ ...s, version: s.version + 1 }));
const REFRESH_MS = 30_000;

export function useLiveFeed(enabled: boolean): LiveStatus {
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/v1/owner/live');
    source.addEventListener('hello', () => live.set((s) => ({ ...s, status: 'live' })));
    source.addEventListener('update', bump);
    source.onerror = () =>
      live.set((s) => ({
        ...s,
        status: source.readyState === EventSource.CLOSED ? 'offline' : 'connecting',
      }));
    const timer = setInterval(bump, REFRESH_MS);
    return () => {
      source.close();
      clearInterval(timer);
    };
  }, [enabled]);
  return useStore(live, (s) => s.status);
}

export function useLiveVersion(): number {
  return useStore(live, (s) => s.version);
}
