/**
 * EngineStorage on MySQL 8 / MariaDB 10.11 through mysql2/promise. A small pool (default 2 connections: the
 * writer and a reader); commits are serialized in call order and each runs in one transaction of multi-row
 * INSERT ... ON DUPLICATE KEY UPDATE statements, chunked so that no statement nears max_allowed_packet.
 * Durability is the server's: with InnoDB's default innodb_flush_log_at_trx_commit=1 a resolved commit is on disk.
 */
import * as mysql from 'mysql2/promise';
import type { CommitBatch, EngineStorage, RecordRow, StateRow } from './engine-storage';
import { MIGRATIONS, MIGRATIONS_TABLE, MIGRATIONS_TABLE_DDL, type Migration, pendingMigrations } from './migrations';

export interface MysqlStorageOptions {
  host: string;
  port?: number;
  user: string;
  password?: string;
  database: string;
  /** Default 2. */
  connectionLimit?: number;
  connectTimeoutMs?: number;
  /** For tests of the migration runner; defaults to the engine's migrations. */
  migrations?: readonly Migration[];
}

/** Upper bounds per statement: rows, and an estimate of the statement's bytes (the server default is 16 MiB). */
const MAX_ROWS_PER_STATEMENT = 1000;
const MAX_BYTES_PER_STATEMENT = 4 * 1024 * 1024;

const RECORD_SELECT =
  'SELECT position, record_key, value_type, intent, record_type, process_instance_key, `timestamp`, value ' +
  'FROM engine_records';

type Row = mysql.RowDataPacket;

export class MysqlStorage implements EngineStorage {
  readonly kind = 'mysql' as const;
  private pool: mysql.Pool | undefined;
  /** The last commit in flight; the next one starts after it settles, so commits land in call order. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: MysqlStorageOptions) {}

  /** How to connect, for the query API's own pool (engine/query/query-db.ts). */
  get connectionOptions(): MysqlStorageOptions {
    return this.options;
  }

  /** user@host:port/database, without the password, for messages. */
  get description(): string {
    const o = this.options;
    return `${o.user}@${o.host}:${o.port ?? 3306}/${o.database}`;
  }

  async open(): Promise<void> {
    if (this.pool) return;
    const o = this.options;
    const pool = mysql.createPool({
      host: o.host,
      port: o.port ?? 3306,
      user: o.user,
      password: o.password ?? '',
      database: o.database,
      charset: 'utf8mb4',
      connectionLimit: o.connectionLimit ?? 2,
      connectTimeout: o.connectTimeoutMs ?? 10000,
      supportBigNumbers: true,
      bigNumberStrings: false,
      dateStrings: true,
      multipleStatements: false,
      enableKeepAlive: true,
    });
    try {
      await this.migrate(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw wrap(err, `cannot open engine storage ${this.description}`);
    }
    this.pool = pool;
  }

  private async migrate(pool: mysql.Pool): Promise<void> {
    const conn = await pool.getConnection();
    // A named lock, so two engines starting against one database do not both apply a migration.
    const lockName = `engine_migrations_${this.options.database}`.slice(0, 64);
    try {
      const [lock] = await conn.query<Row[]>('SELECT GET_LOCK(?, 60) AS got', [lockName]);
      if (Number(lock[0]?.got) !== 1) throw new Error('timed out waiting for the engine migration lock');
      try {
        await conn.query(MIGRATIONS_TABLE_DDL.mysql);
        const [rows] = await conn.query<Row[]>(`SELECT id FROM ${MIGRATIONS_TABLE}`);
        const applied = rows.map((r) => Number(r.id));
        for (const m of pendingMigrations(applied, this.options.migrations ?? MIGRATIONS)) {
          // DDL commits implicitly in MySQL, so a migration is not atomic; each statement is applied in order.
          for (const sql of m.mysql) await conn.query(sql);
          await conn.query(`INSERT INTO ${MIGRATIONS_TABLE} (id, name, applied_at) VALUES (?, ?, ?)`, [
            m.id,
            m.name,
            Date.now(),
          ]);
        }
      } finally {
        await conn.query('SELECT RELEASE_LOCK(?)', [lockName]);
      }
    } finally {
      conn.release();
    }
  }

  private get db(): mysql.Pool {
    if (!this.pool) throw new Error(`MySQL storage ${this.description} is not open`);
    return this.pool;
  }

  async loadState(): Promise<StateRow[]> {
    const [rows] = await this.db.query<Row[]>('SELECT cf, state_key, value FROM engine_state');
    return rows.map((r) => ({ cf: String(r.cf), key: String(r.state_key), value: String(r.value) }));
  }

  async lastPosition(): Promise<number> {
    const [rows] = await this.db.query<Row[]>('SELECT MAX(position) AS p FROM engine_records');
    const p = rows[0]?.p;
    return p === null || p === undefined ? 0 : Number(p);
  }

  async readRecords(afterPosition: number, limit: number): Promise<RecordRow[]> {
    const [rows] = await this.db.query<Row[]>(`${RECORD_SELECT} WHERE position > ? ORDER BY position LIMIT ?`, [
      afterPosition,
      Math.max(0, Math.floor(limit)),
    ]);
    return rows.map((r) => ({
      position: Number(r.position),
      key: Number(r.record_key),
      valueType: String(r.value_type),
      intent: String(r.intent),
      recordType: String(r.record_type),
      processInstanceKey: r.process_instance_key === null ? null : Number(r.process_instance_key),
      timestamp: Number(r.timestamp),
      value: String(r.value),
    }));
  }

  /** Records, then puts (upserts), then deletes, all in one transaction; nothing of the batch stays on error. */
  commit(batch: CommitBatch): Promise<void> {
    let pool: mysql.Pool;
    try {
      pool = this.db;
    } catch (err) {
      return Promise.reject(err);
    }
    if (batch.records.length + batch.puts.length + batch.deletes.length === 0) return this.tail.then(() => undefined);
    const run = this.tail.then(() => this.write(pool, batch));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async write(pool: mysql.Pool, batch: CommitBatch): Promise<void> {
    const conn = await pool.getConnection();
    let broken = false;
    try {
      await conn.beginTransaction();
      try {
        for (const chunk of chunks(batch.records, (r) => r.value.length)) {
          await conn.query(
            'INSERT INTO engine_records (position, record_key, value_type, intent, record_type, ' +
              'process_instance_key, `timestamp`, value) VALUES ?',
            [
              chunk.map((r) => [
                r.position,
                r.key,
                r.valueType,
                r.intent,
                r.recordType,
                r.processInstanceKey,
                r.timestamp,
                r.value,
              ]),
            ],
          );
        }
        // VALUES(col) rather than the row-alias syntax: MariaDB knows only the former, MySQL 8 accepts both.
        // Rows of one statement apply in order, so a key put twice in a batch ends with the later value.
        for (const chunk of chunks(batch.puts, (r) => r.key.length + r.value.length)) {
          await conn.query(
            'INSERT INTO engine_state (cf, state_key, value) VALUES ? ON DUPLICATE KEY UPDATE value = VALUES(value)',
            [chunk.map((r) => [r.cf, r.key, r.value])],
          );
        }
        const byCf = new Map<string, string[]>();
        for (const d of batch.deletes) {
          const keys = byCf.get(d.cf);
          if (keys) keys.push(d.key);
          else byCf.set(d.cf, [d.key]);
        }
        for (const [cf, keys] of byCf) {
          for (const chunk of chunks(keys, (k) => k.length)) {
            await conn.query('DELETE FROM engine_state WHERE cf = ? AND state_key IN (?)', [cf, chunk]);
          }
        }
        await conn.commit();
      } catch (err) {
        try {
          await conn.rollback();
        } catch {
          broken = true;
        }
        throw err;
      }
    } catch (err) {
      if (isFatal(err)) broken = true;
      throw err;
    } finally {
      if (broken) conn.destroy();
      else conn.release();
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    await this.tail;
    this.pool = undefined;
    await pool.end();
  }
}

/** Splits `items` so that no chunk exceeds the row or estimated byte limits (3 bytes per UTF-16 unit is an upper bound). */
function* chunks<T>(items: readonly T[], size: (item: T) => number): Generator<T[]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < items.length; i++) {
    const b = size(items[i]) * 3 + 64;
    if (i > start && (i - start >= MAX_ROWS_PER_STATEMENT || bytes + b > MAX_BYTES_PER_STATEMENT)) {
      yield items.slice(start, i);
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (start < items.length) yield items.slice(start);
}

function isFatal(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { fatal?: unknown }).fatal === true;
}

function wrap(err: unknown, message: string): Error {
  const detail = err instanceof Error ? err.message : String(err);
  return new Error(`${message}: ${detail}`, { cause: err });
}
