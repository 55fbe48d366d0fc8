// One GET from the hub, kept fresh: loads on mount, again whenever the data version moves (live
// events, our own writes), and on `reload()`. The last good data stays on screen while a refetch runs
// or fails, so a wifi blip does not blank the page; `error` says why it may be stale.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api-client.js';
import { useStore } from '../../shared/use-store.js';
import { useAdmin } from './admin-services.js';
import { dataVersion } from './data-freshness.js';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload: () => void;
}

export function useResource<T>(path: string | null, options: { live?: boolean } = {}): Resource<T> {
  const { api } = useAdmin();
  const version = useStore(dataVersion);
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | Error>();
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const live = options.live ?? true;
  const liveVersion = live ? version : 0;
  const latest = useRef(0);

  useEffect(() => {
    if (path === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    api
      .get<T>(path)
      .then((body) => {
        if (ticket !== latest.current) return;
        setData(body);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (ticket !== latest.current) return;
        setError(err instanceof Error ? err : new Error(String(err)));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
  }, [api, path, liveVersion, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}
