import { EngineError, invalidArgument } from '../../errors';
import type { QueryDb, Row } from '../query-db';
import { addFieldFilter, Where, type FilterSpec } from './filter-sql';
import { encodeCursor, parseSearchRequest, unknownFields, type SearchPage } from './search-request';

/** totalItems is counted up to this many; beyond it the answer says hasMoreTotalItems (as Camunda's search does). */
export const COUNT_CAP = 10_000;

/** The tables a search reads, for one filter: the default, or a cheaper plan the filter allows. */
export interface SearchPlan {
  /** FROM clause, with the main table aliased `t`. */
  from: string;
  /** Overrides of sort and key columns for this plan (e.g. a candidate table's copy of the due date). */
  columns?: Record<string, string>;
  /** Filter fields the plan already applied. */
  handled?: string[];
  where?: Where;
  /**
   * A FROM clause that counts the same rows as `from` when the plan's own conditions are all there is (e.g. the
   * candidate table alone, each of whose rows has its task): the count then joins nothing per counted row.
   */
  countFrom?: string;
}

export interface ResourceSpec<T> {
  /** e.g. 'process instance', for messages */
  name: string;
  table: string;
  keyField: string;
  keyColumn: string;
  filters: Record<string, FilterSpec>;
  /** sort field → column (a non-null expression) */
  sorts: Record<string, string>;
  /**
   * Filter fields that hold of one related row together (e.g. an element instance with this id *and* this state):
   * their conditions, on the related table, become one condition on the resource (`condition(whereSql)`).
   */
  filterGroups?: Array<{ filters: Record<string, FilterSpec>; condition(whereSql: string): string }>;
  /** The filter fields `$or` alternatives may use; without it the resource has no `$or`. */
  orFields?: readonly string[];
  /** A condition every row of the resource meets, whatever the filter (e.g. element instances leave out processes). */
  rowCondition?: string;
  /** extra columns for the items, e.g. from a join: `select` and `join` */
  select?: string;
  join?: string;
  plan?(filter: Record<string, unknown>): SearchPlan | undefined;
  toItem(row: Row): T;
}

/** Runs a REST v2 search: filters, keyset paging on the sort columns plus the key, a capped total count. */
export async function search<T>(db: QueryDb, spec: ResourceSpec<T>, body: unknown): Promise<SearchPage<T>> {
  const request = parseSearchRequest(body, Object.keys(spec.sorts));
  const plan = spec.plan?.(request.filter) ?? { from: `${spec.table} t` };
  const where = plan.where ?? new Where();
  const plannedConditions = where.conditions.length;
  if (spec.rowCondition) where.add(spec.rowCondition);
  addFilter(where, spec, request.filter, plan.handled);
  const countFrom = plan.countFrom && where.conditions.length === plannedConditions ? plan.countFrom : plan.from;
  const column = (field: string): string => plan.columns?.[field] ?? spec.sorts[field];
  const keyColumn = plan.columns?.[spec.keyField] ?? spec.keyColumn;
  const order = [
    ...request.sort
      .filter((s) => s.field !== spec.keyField)
      .map((s) => ({ column: column(s.field), desc: s.order === 'DESC' })),
    { column: keyColumn, desc: request.sort.find((s) => s.field === spec.keyField)?.order === 'DESC' },
  ];

  const countSql = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${countFrom}${where.sql()} LIMIT ${COUNT_CAP + 1}) counted`;
  const [{ n }] = await db.all(countSql, where.params);
  const total = Number(n);

  const { page } = request;
  const cursor = page.after ?? page.before;
  const backwards = page.before !== undefined;
  const pageWhere = new Where();
  pageWhere.conditions.push(...where.conditions);
  pageWhere.params.push(...where.params);
  if (cursor) addKeyset(pageWhere, order, cursor, backwards);
  const orderSql = order.map((o) => `${o.column} ${o.desc !== backwards ? 'DESC' : 'ASC'}`).join(', ');
  const sortSelect = order.map((o, i) => `${o.column} AS sort_${i}`).join(', ');
  const sql =
    `SELECT t.*, ${sortSelect}${spec.select ? `, ${spec.select}` : ''} FROM ${plan.from}${spec.join ? ` ${spec.join}` : ''}` +
    `${pageWhere.sql()} ORDER BY ${orderSql} LIMIT ${page.limit}${!cursor && page.from ? ` OFFSET ${page.from}` : ''}`;
  const rows = await db.all(sql, pageWhere.params);
  if (backwards) rows.reverse();
  const cursorOf = (row: Row): string => encodeCursor(order.map((_, i) => row[`sort_${i}`]));
  return {
    items: rows.map((row) => spec.toItem(row)),
    page: {
      totalItems: Math.min(total, COUNT_CAP),
      hasMoreTotalItems: total > COUNT_CAP,
      ...(rows.length ? { startCursor: cursorOf(rows[0]), endCursor: cursorOf(rows[rows.length - 1]) } : {}),
    },
  };
}

/**
 * Adds a search filter's conditions: each field's, ANDed; and where the resource allows it (`orFields`), `$or`: a
 * list of filters of those fields, each ANDed within, of which one must hold ((top level) AND (any of `$or`)).
 * `handled`: top-level fields a plan already applied.
 */
export function addFilter(
  where: Where,
  spec: Pick<ResourceSpec<unknown>, 'name' | 'filters' | 'filterGroups' | 'orFields'>,
  filter: Record<string, unknown>,
  handled: readonly string[] = [],
): void {
  const known = [...Object.keys(spec.filters), ...(spec.filterGroups ?? []).flatMap((g) => Object.keys(g.filters))];
  unknownFields(filter, spec.orFields ? [...known, '$or'] : known, `the ${spec.name} filter`);
  const given = (field: string): boolean =>
    filter[field] !== undefined && filter[field] !== null && !handled.includes(field);
  for (const [field, value] of Object.entries(filter)) {
    if (!given(field) || field === '$or' || !(field in spec.filters)) continue;
    const fieldFilter = spec.filters[field];
    if ('custom' in fieldFilter) fieldFilter.custom(value, where);
    else addFieldFilter(where, field, fieldFilter, value);
  }
  for (const group of spec.filterGroups ?? []) {
    const inner = new Where();
    for (const [field, fieldFilter] of Object.entries(group.filters)) {
      if (!given(field)) continue;
      if ('custom' in fieldFilter) fieldFilter.custom(filter[field], inner);
      else addFieldFilter(inner, field, fieldFilter, filter[field]);
    }
    if (inner.conditions.length) where.add(group.condition(inner.sql()), ...inner.params);
  }
  const alternatives = filter.$or;
  if (alternatives === undefined || alternatives === null || !spec.orFields) return;
  if (!Array.isArray(alternatives)) throw invalidArgument("The filter '$or' must be an array of filters.");
  const branches = alternatives.map((alternative: unknown, i) => {
    if (typeof alternative !== 'object' || alternative === null || Array.isArray(alternative)) {
      throw invalidArgument(`The filter '$or[${i}]' must be a JSON object.`);
    }
    const fields = alternative as Record<string, unknown>;
    unknownFields(fields, spec.orFields!, `the ${spec.name} filter '$or[${i}]'`);
    const branch = new Where();
    addFilter(branch, { name: spec.name, filters: spec.filters, filterGroups: spec.filterGroups }, fields);
    return branch;
  });
  // An empty alternative matches everything, and so does the whole $or then.
  if (!branches.length || branches.some((b) => !b.conditions.length)) return;
  where.add(
    `(${branches.map((b) => `(${b.conditions.join(' AND ')})`).join(' OR ')})`,
    ...branches.flatMap((b) => b.params),
  );
}

/** Rows strictly after (or before) the cursor in the sort order: (a > x) OR (a = x AND b > y) OR ... */
function addKeyset(
  where: Where,
  order: Array<{ column: string; desc: boolean }>,
  cursor: unknown[],
  backwards: boolean,
): void {
  if (cursor.length !== order.length) {
    throw new EngineError('INVALID_ARGUMENT', 'The page cursor does not belong to this search (its sort differs).');
  }
  const op = (desc: boolean): string => (desc !== backwards ? '<' : '>');
  const alternatives: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < order.length; i++) {
    const parts = order.slice(0, i).map((o) => `${o.column} = ?`);
    parts.push(`${order[i].column} ${op(order[i].desc)} ?`);
    alternatives.push(`(${parts.join(' AND ')})`);
    params.push(...cursor.slice(0, i + 1));
  }
  // The leading bound lets the database start the index range at the cursor.
  where.add(`${order[0].column} ${op(order[0].desc)}= ?`, cursor[0]);
  where.add(`(${alternatives.join(' OR ')})`, ...params);
}

/** One row by key, or NOT_FOUND naming the resource. */
export async function getByKey<T>(db: QueryDb, spec: ResourceSpec<T>, key: number): Promise<T> {
  const rows = await db.all(
    `SELECT t.*${spec.select ? `, ${spec.select}` : ''} FROM ${spec.table} t${spec.join ? ` ${spec.join}` : ''} ` +
      `WHERE ${spec.keyColumn} = ?${spec.rowCondition ? ` AND ${spec.rowCondition}` : ''}`,
    [key],
  );
  if (!rows.length) {
    throw new EngineError('NOT_FOUND', `Expected to find ${spec.name} with key '${key}', but none was found`);
  }
  return spec.toItem(rows[0]);
}
