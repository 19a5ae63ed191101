/** Loads an API answer for a screen: data, error, loading and a reload, re-run when `path` changes. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './http';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

export function useApi<T>(path: string | undefined, options: { pollMs?: number } = {}): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== undefined);
  const reload = useCallback(async () => {
    if (path === undefined) return;
    try {
      setData(await api<T>(path));
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure)));
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    setLoading(true);
    void reload();
    if (!options.pollMs) return;
    const timer = window.setInterval(() => void reload(), options.pollMs);
    return () => window.clearInterval(timer);
  }, [reload, options.pollMs]);
  return { data, error, loading, reload };
}
