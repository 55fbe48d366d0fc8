// One GET kept fresh: loads on mount, again when its key changes or the live version moves, and on
// `reload()`. The last good data stays on screen while a refetch runs or fails.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveVersion } from './live.js';

export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

export function useResource<T>(
  key: string | null,
  load: () => Promise<T>,
  options: { live?: boolean } = {},
): Resource<T> {
  const version = useLiveVersion();
  const liveVersion = options.live === false ? 0 : version;
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    loadRef
      .current()
      .then((body) => {
        if (ticket !== latest.current) return;
        setData(body);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (ticket === latest.current) setError(err instanceof Error ? err : new Error(String(err)));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
  }, [key, liveVersion, nonce]);

  // A different key is different data: never show the previous branch's menu under the new name.
  useEffect(() => setData(undefined), [key]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}
