import { NOT_SET_DATE, NOT_SET_KEY } from '../../projection/projection-tables';
import type { Row } from '../../query-db';

/** Row values as the REST v2 shapes show them: keys as strings, dates as ISO strings, unset values left out. */
export const key = (v: unknown): string => String(v);
export const optionalKey = (v: unknown): string | undefined =>
  v === null || v === undefined || Number(v) === NOT_SET_KEY ? undefined : String(v);
export const date = (v: unknown): string | undefined =>
  v === null || v === undefined || Number(v) >= NOT_SET_DATE ? undefined : new Date(Number(v)).toISOString();
export const text = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);

/** Drops undefined members, so that absent values are absent in the JSON too. */
export function compact<T extends Record<string, unknown>>(item: T): T {
  for (const k of Object.keys(item)) if (item[k] === undefined) delete item[k];
  return item;
}

export type { Row };
