/**
 * A screen's state in its URL (filters, sort, page): the parameters, and a change of some of them in one step. Any
 * change but paging goes back to the first page; an empty value removes its parameter.
 */
import { useSearchParams } from 'react-router';

export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  function update(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }
  return { params, setParams, update };
}
