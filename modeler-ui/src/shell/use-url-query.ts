/**
 * A screen's state kept in the URL (deep links): the current query and `update`, which changes some parameters
 * (an empty value removes one) and, for any change but paging, goes back to the first page.
 */
import { useSearchParams } from 'react-router';

export type ParamChanges = Record<string, string | undefined>;

export function useUrlQuery() {
  const [params, setParams] = useSearchParams();
  function update(changes: ParamChanges) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }
  /** A positive whole number from the URL (page, size), or `fallback`. */
  const positive = (name: string, fallback: number) => Math.max(1, Number(params.get(name)) || fallback);
  /** The URL's values of `names` that are set, as the query of an API call. */
  function picked(names: readonly string[]): URLSearchParams {
    const query = new URLSearchParams();
    for (const name of names) {
      const value = params.get(name);
      if (value) query.set(name, value);
    }
    return query;
  }
  return { params, setParams, update, positive, picked };
}
