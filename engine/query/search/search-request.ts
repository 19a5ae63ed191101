import { invalidArgument } from '../../errors';

/** A Camunda 8 REST v2 search request, checked: filter, sort and page (offset or cursor). */
export interface SearchRequest {
  filter: Record<string, unknown>;
  sort: Array<{ field: string; order: 'ASC' | 'DESC' }>;
  page: { limit: number; from: number; after?: unknown[]; before?: unknown[] };
}

export interface SearchPage<T> {
  items: T[];
  page: { totalItems: number; hasMoreTotalItems: boolean; startCursor?: string; endCursor?: string };
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a search body; unknown top-level, page and sort fields are refused, naming them. */
export function parseSearchRequest(body: unknown, sortFields: readonly string[]): SearchRequest {
  if (body === undefined || body === null) body = {};
  if (!isObject(body)) throw invalidArgument('The search request must be a JSON object.');
  unknownFields(body, ['filter', 'sort', 'page'], 'search request');
  const filter = body.filter ?? {};
  if (!isObject(filter)) throw invalidArgument("The field 'filter' must be a JSON object.");
  const sort = parseSort(body.sort ?? [], sortFields);
  const page = body.page ?? {};
  if (!isObject(page)) throw invalidArgument("The field 'page' must be a JSON object.");
  unknownFields(page, ['limit', 'from', 'after', 'before'], 'page');
  const limit = page.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalidArgument(
      `The field 'page.limit' must be an integer from 1 to ${MAX_LIMIT}, got ${JSON.stringify(limit)}.`,
    );
  }
  const from = page.from ?? 0;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    throw invalidArgument(`The field 'page.from' must be a non-negative integer, got ${JSON.stringify(from)}.`);
  }
  const given = ['from', 'after', 'before'].filter((f) => page[f] !== undefined && page[f] !== null);
  if (given.length > 1)
    throw invalidArgument(`The page may have only one of from, after and before; got ${given.join(', ')}.`);
  return {
    filter,
    sort,
    page: {
      limit,
      from,
      after: page.after == null ? undefined : decodeCursor(page.after, 'after'),
      before: page.before == null ? undefined : decodeCursor(page.before, 'before'),
    },
  };
}

function parseSort(sort: unknown, fields: readonly string[]): SearchRequest['sort'] {
  if (!Array.isArray(sort)) throw invalidArgument("The field 'sort' must be an array of { field, order }.");
  return sort.map((entry, i) => {
    if (!isObject(entry)) throw invalidArgument(`The sort entry ${i} must be an object { field, order }.`);
    unknownFields(entry, ['field', 'order'], `sort entry ${i}`);
    const field = entry.field;
    if (typeof field !== 'string' || !fields.includes(field)) {
      throw invalidArgument(`Cannot sort by '${String(field)}': expected one of ${fields.join(', ')}.`);
    }
    const order = String(entry.order ?? 'ASC').toUpperCase();
    if (order !== 'ASC' && order !== 'DESC') {
      throw invalidArgument(`The sort order of '${field}' must be ASC or DESC, got ${JSON.stringify(entry.order)}.`);
    }
    return { field, order };
  });
}

export function unknownFields(obj: Record<string, unknown>, known: readonly string[], where: string): void {
  const unknown = Object.keys(obj).filter((k) => !known.includes(k));
  if (unknown.length) {
    throw invalidArgument(
      `Unknown field${unknown.length > 1 ? 's' : ''} in ${where}: ${unknown.map((u) => `'${u}'`).join(', ')}. ` +
        `Supported: ${known.join(', ')}.`,
    );
  }
}

/** A cursor is opaque to clients: base64 of the JSON array of the row's sort values, its key last. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64');
}

function decodeCursor(cursor: unknown, field: string): unknown[] {
  try {
    if (typeof cursor !== 'string') throw new Error('not a string');
    const values = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as unknown;
    if (!Array.isArray(values) || !values.length) throw new Error('not a cursor');
    return values;
  } catch {
    throw invalidArgument(`The field 'page.${field}' is not a cursor this API returned: ${JSON.stringify(cursor)}.`);
  }
}
