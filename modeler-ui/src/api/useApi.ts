/**
 * Loads an API answer for a screen: data, error, loading and a reload, re-run when `path` or the chosen language
 * changes (the API answers the models' names in it).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
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
  const { locale } = useI18n();
  // The text of the last answer: an answer read again unchanged keeps the same object, so a polled screen does not
  // redraw (a diagram would lose its zoom) when nothing changed.
  const lastText = useRef<string | undefined>(undefined);
  const reload = useCallback(async () => {
    if (path === undefined) return;
    try {
      const answer = await api<T>(path);
      const text = JSON.stringify(answer);
      if (text !== lastText.current) {
        lastText.current = text;
        setData(answer);
      }
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure)));
    } finally {
      setLoading(false);
    }
    // `locale` is not read here: api() sends it, and a new language must fetch again.
  }, [path, locale]);
  useEffect(() => {
    setLoading(true);
    void reload();
    if (!options.pollMs) return;
    const timer = window.setInterval(() => void reload(), options.pollMs);
    return () => window.clearInterval(timer);
  }, [reload, options.pollMs]);
  return { data, error, loading, reload };
}
