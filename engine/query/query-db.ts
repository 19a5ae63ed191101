/**
 * The query side's own connection to the engine's database: the projections (engine_q_ tables) are written by the
 * exporter and read by the searches through it, never through the engine's storage connection, so that a slow
 * search or a projection write never holds the engine's commit. SQLite: a second better-sqlite3 connection to the
 * same file (WAL lets it read while the engine writes). MySQL/MariaDB: a pool of its own.
 */
import Database from 'better-sqlite3';
import * as mysql from 'mysql2/promise';
import type { EngineStorage } from '../storage/engine-storage';
import { MIGRATIONS } from '../storage/migrations';
import { MysqlStorage, type MysqlStorageOptions } from '../storage/mysql-storage';
import { SqliteStorage } from '../storage/sqlite-storage';

export type Row = Record<string, unknown>;

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface QueryDb {
  readonly dialect: 'sqlite' | 'mysql';
  all(sql: string, params: unknown[]): Promise<Row[]>;
  /** Runs the statements in one transaction, in order. */
  transaction(statements: Statement[]): Promise<void>;
  close(): Promise<void>;
}

/** Prepared statements kept per connection; multi-row inserts of many sizes are dropped when it grows past this. */
const MAX_CACHED_STATEMENTS = 2000;

export class SqliteQueryDb implements QueryDb {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Database.Statement<unknown[]>>();

  constructor(private readonly db: Database.Database) {}

  /** Opens `filename` (WAL, synchronous NORMAL: a lost projection write is re-exported from the log on start). */
  static open(filename: string): SqliteQueryDb {
    const db = new Database(filename);
    db.pragma('busy_timeout = 5000');
    if (filename !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Filters' `$like` compares letters as they are, as MariaDB's utf8mb4_bin columns (and Camunda's) do.
    db.pragma('case_sensitive_like = ON');
    if (filename === ':memory:') {
      // A private in-memory engine database cannot be shared: the projections get their own (tests only), and
      // a backfill from the log (engine_records) has no log to read there.
      for (const m of MIGRATIONS) {
        for (const sql of m.sqlite) if (/engine_q_/.test(sql) && !/engine_records/.test(sql)) db.exec(sql);
      }
    }
    return new SqliteQueryDb(db);
  }

  private prepare(sql: string): Database.Statement<unknown[]> {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      if (this.cache.size >= MAX_CACHED_STATEMENTS) this.cache.clear();
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  async all(sql: string, params: unknown[]): Promise<Row[]> {
    return this.prepare(sql).all(params) as Row[];
  }

  async transaction(statements: Statement[]): Promise<void> {
    this.db.transaction(() => {
      for (const s of statements) this.prepare(s.sql).run(s.params);
    })();
  }

  async close(): Promise<void> {
    this.cache.clear();
    this.db.close();
  }
}

export class MysqlQueryDb implements QueryDb {
  readonly dialect = 'mysql' as const;

  constructor(private readonly pool: mysql.Pool) {}

  static open(options: MysqlStorageOptions, connectionLimit = 4): MysqlQueryDb {
    return new MysqlQueryDb(
      mysql.createPool({
        host: options.host,
        port: options.port ?? 3306,
        user: options.user,
        password: options.password ?? '',
        database: options.database,
        charset: 'utf8mb4',
        connectionLimit,
        supportBigNumbers: true,
        bigNumberStrings: false,
        enableKeepAlive: true,
      }),
    );
  }

  async all(sql: string, params: unknown[]): Promise<Row[]> {
    const [rows] = await this.pool.query<mysql.RowDataPacket[]>(sql, params);
    return rows as Row[];
  }

  async transaction(statements: Statement[]): Promise<void> {
    const conn = await this.pool.getConnection();
    try {
      await conn.beginTransaction();
      try {
        for (const s of statements) await conn.query(s.sql, s.params);
        await conn.commit();
      } catch (err) {
        await conn.rollback().catch(() => undefined);
        throw err;
      }
    } finally {
      conn.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A query connection to the database `storage` uses (the storage must be open: its migrations made the tables). */
export function openQueryDb(storage: EngineStorage): QueryDb {
  if (storage instanceof SqliteStorage) return SqliteQueryDb.open(storage.filename || ':memory:');
  if (storage instanceof MysqlStorage) return MysqlQueryDb.open(storage.connectionOptions);
  throw new Error(`the query API does not know storage kind '${storage.kind}'`);
}
