/**
 * EngineStorage on SQLite through better-sqlite3: WAL journal, `synchronous=FULL` by default (each commit is on
 * disk when it resolves), one transaction per commit, prepared multi-row statements. Commits of a database file run
 * on a writer thread (sqlite-writer-thread.ts) so that the event loop is free during the fsync; reads and
 * migrations use the main connection. An in-memory database (tests) commits on the main connection.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import type { CommitBatch, EngineStorage, RecordRow, StateKey, StateRow } from './engine-storage';
import { MIGRATIONS, MIGRATIONS_TABLE, MIGRATIONS_TABLE_DDL, type Migration, pendingMigrations } from './migrations';
import { SqliteWriterThread, type SqlStatement } from './sqlite-writer-thread';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteStorageOptions {
  /** File path, or `:memory:` for a private in-memory database (tests). */
  filename: string;
  /** FULL (default): a commit survives power loss. NORMAL: a commit may be lost on power loss, never corrupted. */
  synchronous?: SqliteSynchronous;
  /** How long to wait on a lock held by another connection, ms. Default 5000. */
  busyTimeoutMs?: number;
  /** For tests of the migration runner; defaults to the engine's migrations. */
  migrations?: readonly Migration[];
}

/** Rows per multi-row INSERT; the statements for each size up to this are prepared once and cached. */
const RECORD_CHUNK = 64;
const STATE_CHUNK = 128;
const DELETE_CHUNK = 128;

const RECORD_COLUMNS = 'position, record_key, value_type, intent, record_type, process_instance_key, timestamp, value';
const RECORD_SELECT =
  'SELECT position, record_key AS key, value_type AS valueType, intent, record_type AS recordType, ' +
  'process_instance_key AS processInstanceKey, timestamp, value FROM engine_records';

type Statement = Database.Statement<unknown[]>;

interface Prepared {
  selectRecords: Statement;
  selectState: Statement;
  selectLastPosition: Statement;
  writeBatch: (batch: CommitBatch) => void;
}

export class SqliteStorage implements EngineStorage {
  readonly kind = 'sqlite' as const;
  private db: Database.Database | undefined;
  private readonly statements = new Map<string, Statement>();
  private prepared: Prepared | undefined;
  private writer: SqliteWriterThread | undefined;

  constructor(private readonly options: SqliteStorageOptions) {
    const sync = options.synchronous ?? 'FULL';
    if (sync !== 'FULL' && sync !== 'NORMAL') {
      throw new Error(`SQLite synchronous must be FULL or NORMAL, got ${String(sync)}`);
    }
  }

  get filename(): string {
    return this.options.filename;
  }

  async open(): Promise<void> {
    if (this.db) return;
    const { filename } = this.options;
    const inMemory = filename === ':memory:' || filename === '';
    if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
    const db = new Database(filename);
    try {
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(this.options.busyTimeoutMs ?? 5000))}`);
      if (!inMemory) {
        const mode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
        if (mode !== 'wal') throw new Error(`SQLite refused WAL journal mode for ${filename} (got ${mode})`);
      }
      db.pragma(`synchronous = ${this.options.synchronous ?? 'FULL'}`);
      this.migrate(db);
    } catch (err) {
      db.close();
      throw err;
    }
    this.db = db;
    if (!inMemory) {
      this.writer = new SqliteWriterThread({
        filename,
        synchronous: this.options.synchronous ?? 'FULL',
        busyTimeoutMs: Math.max(0, Math.floor(this.options.busyTimeoutMs ?? 5000)),
      });
    }
    this.prepared = {
      selectRecords: db.prepare(`${RECORD_SELECT} WHERE position > ? ORDER BY position LIMIT ?`),
      selectState: db.prepare('SELECT cf, state_key AS key, value FROM engine_state'),
      selectLastPosition: db.prepare('SELECT MAX(position) AS p FROM engine_records'),
      writeBatch: db.transaction((batch: CommitBatch) => this.write(batch)),
    };
  }

  private migrate(db: Database.Database): void {
    db.exec(MIGRATIONS_TABLE_DDL.sqlite);
    // IMMEDIATE: a second process opening the same file waits rather than applying the same migration twice.
    const run = db.transaction(() => {
      const applied = (db.prepare(`SELECT id FROM ${MIGRATIONS_TABLE}`).all() as { id: number }[]).map((r) => r.id);
      const record = db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (id, name, applied_at) VALUES (?, ?, ?)`);
      for (const m of pendingMigrations(applied, this.options.migrations ?? MIGRATIONS)) {
        for (const sql of m.sqlite) db.exec(sql);
        record.run(m.id, m.name, Date.now());
      }
    });
    run.immediate();
  }

  private get conn(): Database.Database {
    if (!this.db) throw new Error('SQLite storage is not open');
    return this.db;
  }

  private get stmts(): Prepared {
    if (!this.prepared) throw new Error('SQLite storage is not open');
    return this.prepared;
  }

  async loadState(): Promise<StateRow[]> {
    return this.stmts.selectState.all() as StateRow[];
  }

  async lastPosition(): Promise<number> {
    const row = this.stmts.selectLastPosition.get() as { p: number | null };
    return row.p ?? 0;
  }

  async readRecords(afterPosition: number, limit: number): Promise<RecordRow[]> {
    return this.stmts.selectRecords.all(afterPosition, Math.max(0, Math.floor(limit))) as RecordRow[];
  }

  /** Records, then puts (upserts), then deletes, all in one transaction; nothing of the batch stays on error. */
  commit(batch: CommitBatch): Promise<void> {
    try {
      const { writeBatch } = this.stmts;
      if (batch.records.length + batch.puts.length + batch.deletes.length === 0) return Promise.resolve();
      if (this.writer) return this.writer.run(statementsOf(batch));
      writeBatch(batch);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err);
    }
  }

  async close(): Promise<void> {
    const writer = this.writer;
    this.writer = undefined;
    await writer?.close();
    const db = this.db;
    this.db = undefined;
    this.statements.clear();
    this.prepared = undefined;
    db?.close();
  }

  private write(batch: CommitBatch): void {
    for (const { sql, params } of statementsOf(batch)) this.statementFor(sql).run(params);
  }

  private statementFor(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.conn.prepare(sql)));
    return stmt;
  }
}

function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

const insertRecordsSql = (rows: number): string =>
  `INSERT INTO engine_records (${RECORD_COLUMNS}) VALUES ${placeholders(rows, 8)}`;

// Rows of one statement are applied in order, so a key put twice in a batch ends with the later value.
const upsertStateSql = (rows: number): string =>
  `INSERT INTO engine_state (cf, state_key, value) VALUES ${placeholders(rows, 3)} ` +
  'ON CONFLICT (cf, state_key) DO UPDATE SET value = excluded.value';

const deleteStateSql = (rows: number): string =>
  `DELETE FROM engine_state WHERE (cf, state_key) IN (VALUES ${placeholders(rows, 2)})`;

/** A batch as multi-row statements: records, then upserts, then deletes (the SQL of each chunk size is reused). */
function statementsOf(batch: CommitBatch): SqlStatement[] {
  const statements: SqlStatement[] = [];
  chunked(batch.records, RECORD_CHUNK, (rows) => {
    const params: unknown[] = [];
    for (const r of rows) {
      params.push(r.position, r.key, r.valueType, r.intent, r.recordType, r.processInstanceKey, r.timestamp, r.value);
    }
    statements.push({ sql: insertRecordsSql(rows.length), params });
  });
  chunked(batch.puts, STATE_CHUNK, (rows) => {
    const params: unknown[] = [];
    for (const r of rows) params.push(r.cf, r.key, r.value);
    statements.push({ sql: upsertStateSql(rows.length), params });
  });
  chunked(batch.deletes, DELETE_CHUNK, (keys: StateKey[]) => {
    const params: unknown[] = [];
    for (const k of keys) params.push(k.cf, k.key);
    statements.push({ sql: deleteStateSql(keys.length), params });
  });
  return statements;
}

function chunked<T>(items: readonly T[], size: number, fn: (chunk: T[]) => void): void {
  for (let i = 0; i < items.length; i += size) fn(items.slice(i, i + size));
}
