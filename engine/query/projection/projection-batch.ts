import type { Statement } from '../query-db';
import type { ElementNameMap } from './projection-lookups';
import {
  CANDIDATES_TABLE,
  POSITION_TABLE,
  STATISTICS_TABLE,
  TABLES,
  type TableMeta,
  type TableName,
} from './projection-tables';

type Row = Record<string, unknown>;
export type Candidate = { kind: 'G' | 'U'; candidate: string };

export interface ElementCounts {
  active: number;
  completed: number;
  canceled: number;
  incidents: number;
}

/** Rows per multi-row statement: well under SQLite's 32,766 parameters and MySQL's packet size for these tables. */
const CHUNK = 200;

/**
 * The projection changes of one export round, coalesced in memory: a row created in the round takes its later
 * changes before it is written (an instance that runs through in one batch is one insert), changes to older rows
 * are grouped into `UPDATE ... WHERE key IN (...)` statements, counters into increments. `statements()` turns it
 * into the statements of one transaction, the exported position last.
 */
export class ProjectionBatch {
  private readonly upserts = new Map<TableName, Map<number | string, Row>>();
  private readonly updates = new Map<TableName, Map<number, Row>>();
  private readonly deltas = new Map<TableName, Map<number, Record<string, number>>>();
  private readonly deletes = new Map<TableName, Set<number>>();
  private readonly candidates = new Map<number, { state: string; dueDate: number; list: Candidate[] }>();
  private readonly statistics = new Map<string, ElementCounts & { definitionKey: number; elementId: string }>();
  /**
   * Call tree paths of process instances (see treePathOf): those of older instances the round refers to, read
   * before the round is projected, and those the round creates.
   */
  readonly treePaths = new Map<number, string>();
  /** Element names of the process definitions the round refers to (see ElementNames), read before it is projected. */
  readonly elementNames = new Map<number, ElementNameMap>();
  position = 0;

  constructor(private readonly dialect: 'sqlite' | 'mysql') {}

  /** A whole row: written as insert-or-replace. */
  upsert(table: TableName, key: number | string, row: Row): void {
    if (typeof key === 'number') {
      this.deletes.get(table)?.delete(key);
      this.updates.get(table)?.delete(key);
    }
    mapOf(this.upserts, table).set(key, row);
  }

  /** Some columns of a row. */
  update(table: TableName, key: number, changes: Row): void {
    const pending = this.upserts.get(table)?.get(key);
    if (pending) return void Object.assign(pending, changes);
    const map = mapOf(this.updates, table);
    map.set(key, { ...map.get(key), ...changes });
  }

  /** Adds `by` to a numeric column. */
  increment(table: TableName, key: number, column: string, by: number): void {
    const pending = this.upserts.get(table)?.get(key);
    if (pending) return void (pending[column] = Number(pending[column]) + by);
    const map = mapOf(this.deltas, table);
    const row = map.get(key) ?? {};
    row[column] = (row[column] ?? 0) + by;
    map.set(key, row);
  }

  delete(table: TableName, key: number): void {
    this.upserts.get(table)?.delete(key);
    this.updates.get(table)?.delete(key);
    mapOfSet(this.deletes, table).add(key);
  }

  /** The candidate groups and users of a user task, replacing the ones it had. */
  setCandidates(userTaskKey: number, state: string, dueDate: number, list: Candidate[]): void {
    this.candidates.set(userTaskKey, { state, dueDate, list });
  }

  count(definitionKey: number, elementId: string, change: Partial<ElementCounts>): void {
    const id = `${definitionKey}\u0000${elementId}`;
    let counts = this.statistics.get(id);
    if (!counts) {
      counts = { definitionKey, elementId, active: 0, completed: 0, canceled: 0, incidents: 0 };
      this.statistics.set(id, counts);
    }
    for (const [k, v] of Object.entries(change)) counts[k as keyof ElementCounts] += v;
  }

  get empty(): boolean {
    return this.position === 0;
  }

  statements(): Statement[] {
    const out: Statement[] = [];
    for (const [table, rows] of this.upserts) out.push(...this.upsertStatements(table, [...rows.values()]));
    for (const [table, rows] of this.updates) out.push(...groupedUpdates(table, rows, false));
    for (const [table, rows] of this.deltas) out.push(...groupedUpdates(table, rows, true));
    for (const [table, keys] of this.deletes) {
      for (const chunk of chunks([...keys])) {
        const { name, key } = TABLES[table];
        out.push({ sql: `DELETE FROM ${name} WHERE ${key} IN (${marks(chunk.length)})`, params: chunk });
      }
    }
    out.push(...this.candidateStatements(), ...this.statisticsStatements());
    if (this.position > 0) {
      out.push({
        sql:
          this.dialect === 'sqlite'
            ? `INSERT INTO ${POSITION_TABLE} (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position`
            : `INSERT INTO ${POSITION_TABLE} (id, position) VALUES (1, ?) ON DUPLICATE KEY UPDATE position = VALUES(position)`,
        params: [this.position],
      });
    }
    return out;
  }

  private upsertStatements(table: TableName, rows: Row[]): Statement[] {
    const { name, key, columns, defaults = {} }: TableMeta = TABLES[table];
    const set = columns
      .filter((c) => c !== key)
      .map((c) => (this.dialect === 'sqlite' ? `${c} = excluded.${c}` : `${c} = VALUES(${c})`))
      .join(', ');
    const conflict = this.dialect === 'sqlite' ? `ON CONFLICT (${key}) DO UPDATE SET` : 'ON DUPLICATE KEY UPDATE';
    return chunks(rows).map((chunk) => ({
      sql: `INSERT INTO ${name} (${columns.join(', ')}) VALUES ${rowMarks(chunk.length, columns.length)} ${conflict} ${set}`,
      params: chunk.flatMap((row) => columns.map((c) => row[c] ?? defaults[c] ?? null)),
    }));
  }

  private candidateStatements(): Statement[] {
    if (!this.candidates.size) return [];
    const out: Statement[] = [];
    for (const keys of chunks([...this.candidates.keys()])) {
      out.push({ sql: `DELETE FROM ${CANDIDATES_TABLE} WHERE user_task_key IN (${marks(keys.length)})`, params: keys });
    }
    const rows: unknown[][] = [];
    for (const [taskKey, { state, dueDate, list }] of this.candidates) {
      const seen = new Set<string>();
      for (const c of list) {
        if (seen.has(c.kind + c.candidate)) continue;
        seen.add(c.kind + c.candidate);
        rows.push([c.kind, c.candidate, state, dueDate, taskKey]);
      }
    }
    for (const chunk of chunks(rows)) {
      out.push({
        sql: `INSERT INTO ${CANDIDATES_TABLE} (kind, candidate, state, due_date, user_task_key) VALUES ${rowMarks(chunk.length, 5)}`,
        params: chunk.flat(),
      });
    }
    return out;
  }

  private statisticsStatements(): Statement[] {
    const rows = [...this.statistics.values()];
    const cols = ['active', 'completed', 'canceled', 'incidents'];
    const set = cols
      .map((c) => (this.dialect === 'sqlite' ? `${c} = ${c} + excluded.${c}` : `${c} = ${c} + VALUES(${c})`))
      .join(', ');
    const conflict =
      this.dialect === 'sqlite'
        ? 'ON CONFLICT (process_definition_key, element_id) DO UPDATE SET'
        : 'ON DUPLICATE KEY UPDATE';
    return chunks(rows).map((chunk) => ({
      sql:
        `INSERT INTO ${STATISTICS_TABLE} (process_definition_key, element_id, ${cols.join(', ')}) ` +
        `VALUES ${rowMarks(chunk.length, 6)} ${conflict} ${set}`,
      params: chunk.flatMap((r) => [r.definitionKey, r.elementId, r.active, r.completed, r.canceled, r.incidents]),
    }));
  }
}

/** Rows with the same changes share one statement: `SET a = ?` (or `a = a + ?`) `WHERE key IN (...)`. */
function groupedUpdates(table: TableName, rows: Map<number, Row>, additive: boolean): Statement[] {
  const { name, key } = TABLES[table];
  const groups = new Map<string, { changes: Row; keys: number[] }>();
  for (const [rowKey, changes] of rows) {
    const signature = JSON.stringify(Object.entries(changes).sort(([a], [b]) => (a < b ? -1 : 1)));
    const group = groups.get(signature);
    if (group) group.keys.push(rowKey);
    else groups.set(signature, { changes, keys: [rowKey] });
  }
  const out: Statement[] = [];
  for (const { changes, keys } of groups.values()) {
    const columns = Object.keys(changes);
    const set = columns.map((c) => (additive ? `${c} = ${c} + ?` : `${c} = ?`)).join(', ');
    for (const chunk of chunks(keys)) {
      out.push({
        sql: `UPDATE ${name} SET ${set} WHERE ${key} IN (${marks(chunk.length)})`,
        params: [...columns.map((c) => changes[c] ?? null), ...chunk],
      });
    }
  }
  return out;
}

function mapOf<K, V>(maps: Map<TableName, Map<K, V>>, table: TableName): Map<K, V> {
  let map = maps.get(table);
  if (!map) maps.set(table, (map = new Map()));
  return map;
}

function mapOfSet(maps: Map<TableName, Set<number>>, table: TableName): Set<number> {
  let set = maps.get(table);
  if (!set) maps.set(table, (set = new Set()));
  return set;
}

export const marks = (n: number): string => new Array(n).fill('?').join(', ');
const rowMarks = (rows: number, columns: number): string => new Array(rows).fill(`(${marks(columns)})`).join(', ');

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
