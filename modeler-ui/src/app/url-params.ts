/**
 * A screen's state lives in its URL: this changes some of the parameters (an empty value removes one) and, unless
 * the page itself is what changes, goes back to the first page, as a new filter's results start there.
 */
import { useSearchParams } from 'react-router';

export type ParamChanges = Record<string, string | undefined>;

export function changedParams(params: URLSearchParams, changes: ParamChanges): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}

/** The URL's parameters and a function changing some of them. */
export function useUrlParams(): [URLSearchParams, (changes: ParamChanges) => void] {
  const [params, setParams] = useSearchParams();
  return [params, (changes) => setParams(changedParams(params, changes))];
}
