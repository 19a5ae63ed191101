import { invalidArgument } from '../../errors';
import { NOT_SET_DATE, NOT_SET_KEY } from '../projection/projection-tables';

/** How a filter field maps to SQL: a column and its kind, or a function adding conditions itself. */
export type FieldKind = 'key' | 'int' | 'string' | 'date';
export type FilterSpec =
  { column: string; kind: FieldKind; nullable?: boolean } | { custom: (value: unknown, where: Where) => void };

/** The WHERE clause being built: conditions joined with AND and their parameters in order. */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): void {
    this.conditions.push(condition);
    this.params.push(...params);
  }

  sql(): string {
    return this.conditions.length ? ` WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const OPERATORS: Record<FieldKind, string[]> = {
  key: ['$eq', '$neq', '$exists', '$in', '$notIn'],
  int: ['$eq', '$neq', '$exists', '$in', '$notIn', '$gt', '$gte', '$lt', '$lte'],
  string: ['$eq', '$neq', '$exists', '$in', '$notIn', '$like'],
  date: ['$eq', '$neq', '$exists', '$in', '$notIn', '$gt', '$gte', '$lt', '$lte'],
};
const COMPARE: Record<string, string> = { $eq: '=', $neq: '<>', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** Adds the condition for one filter property: a plain value (equality) or an advanced filter ({ $eq, $in, ... }). */
export function addFieldFilter(
  where: Where,
  field: string,
  spec: { column: string; kind: FieldKind; nullable?: boolean },
  value: unknown,
): void {
  const { column, kind } = spec;
  if (!isObject(value)) {
    where.add(`${column} = ?`, convert(kind, value, field));
    return;
  }
  const unknown = Object.keys(value).filter((op) => !OPERATORS[kind].includes(op));
  if (unknown.length) {
    throw invalidArgument(
      `Unknown operator${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')} in filter ` +
        `'${field}': supported are ${OPERATORS[kind].join(', ')}.`,
    );
  }
  for (const [op, operand] of Object.entries(value)) {
    if (operand === undefined || operand === null) continue;
    if (op === '$exists') {
      if (typeof operand !== 'boolean')
        throw invalidArgument(`The operator '$exists' of filter '${field}' needs a boolean.`);
      where.add(existsSql(spec, operand));
    } else if (op === '$in' || op === '$notIn') {
      if (!Array.isArray(operand)) throw invalidArgument(`The operator '${op}' of filter '${field}' needs an array.`);
      if (!operand.length) {
        where.add(op === '$in' ? '1 = 0' : '1 = 1');
        continue;
      }
      const values = operand.map((v) => convert(kind, v, field));
      where.add(`${column} ${op === '$in' ? 'IN' : 'NOT IN'} (${values.map(() => '?').join(', ')})`, ...values);
    } else if (op === '$like') {
      if (typeof operand !== 'string')
        throw invalidArgument(`The operator '$like' of filter '${field}' needs a string.`);
      where.add(`${column} LIKE ? ESCAPE '!'`, likePattern(operand));
    } else {
      where.add(`${column} ${COMPARE[op]} ?`, convert(kind, operand, field));
      // An unset date is stored as NOT_SET_DATE: a range never matches it.
      if (kind === 'date' && op !== '$neq') where.add(`${column} < ?`, NOT_SET_DATE);
    }
  }
}

function existsSql(spec: { column: string; kind: FieldKind; nullable?: boolean }, exists: boolean): string {
  const { column, kind } = spec;
  if (kind === 'date') return exists ? `${column} < ${NOT_SET_DATE}` : `${column} >= ${NOT_SET_DATE}`;
  if (kind === 'key') return exists ? `${column} <> ${NOT_SET_KEY}` : `${column} = ${NOT_SET_KEY}`;
  if (kind === 'string')
    return exists ? `(${column} IS NOT NULL AND ${column} <> '')` : `(${column} IS NULL OR ${column} = '')`;
  return exists ? `${column} IS NOT NULL` : `${column} IS NULL`;
}

/** A filter operand as the column stores it; a wrong type is a 400 naming the field. */
export function convert(kind: FieldKind, value: unknown, field: string): string | number {
  switch (kind) {
    case 'key': {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !/^-?\d{1,19}$/.test(text) || !Number.isSafeInteger(Number(text))) {
        throw invalidArgument(`The filter '${field}' needs a key (a decimal string), got ${JSON.stringify(value)}.`);
      }
      return Number(text);
    }
    case 'int': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
        throw invalidArgument(`The filter '${field}' needs an integer, got ${JSON.stringify(value)}.`);
      }
      return n;
    }
    case 'date': {
      const ms = typeof value === 'string' ? Date.parse(value) : NaN;
      if (Number.isNaN(ms)) {
        throw invalidArgument(`The filter '${field}' needs an ISO 8601 date-time, got ${JSON.stringify(value)}.`);
      }
      return ms;
    }
    default:
      if (typeof value !== 'string') {
        throw invalidArgument(`The filter '${field}' needs a string, got ${JSON.stringify(value)}.`);
      }
      return value;
  }
}

/** Camunda's like: `*` any characters, `?` one character, `\` escapes; to SQL LIKE with `!` as escape. */
export function likePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += escapeLike(pattern[++i]);
    else if (c === '*') out += '%';
    else if (c === '?') out += '_';
    else out += escapeLike(c);
  }
  return out;
}

const escapeLike = (c: string): string => (c === '%' || c === '_' || c === '!' ? `!${c}` : c);

/** A boolean filter as a condition of its own. */
export function booleanFilter(field: string, whenTrue: string, whenFalse: string): FilterSpec {
  return {
    custom: (value, where) => {
      if (typeof value !== 'boolean') throw invalidArgument(`The filter '${field}' needs a boolean.`);
      where.add(value ? whenTrue : whenFalse);
    },
  };
}
