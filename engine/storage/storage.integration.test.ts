/**
 * One suite, run against SQLite (a temp file) and against MySQL/MariaDB (a scratch database created for the run
 * and dropped afterwards). MySQL runs when ENGINE_TEST_MYSQL_URL is set (then it must be reachable) or when the
 * default server mysql://root@127.0.0.1:3306 answers; otherwise that half is skipped with a note.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import * as mysql from 'mysql2/promise';
import { createStorage, parseMysqlUrl, redact, sqlitePath } from './create-storage';
import type { EngineStorage, RecordRow, StateRow } from './engine-storage';
import { MIGRATIONS, type Migration, pendingMigrations } from './migrations';
import { MysqlStorage } from './mysql-storage';
import { SqliteStorage } from './sqlite-storage';

const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/test';
const mysqlUrl = process.env.ENGINE_TEST_MYSQL_URL ?? DEFAULT_MYSQL_URL;
const mysqlRequired = process.env.ENGINE_TEST_MYSQL_URL !== undefined;

/** Whether the MySQL server accepts TCP connections, decided before the tests are collected. */
function mysqlReachable(): boolean {
  if (mysqlRequired) return true;
  const { host, port } = parseMysqlUrl(mysqlUrl);
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const s=require('net').connect(${Number(port)},${JSON.stringify(host)});` +
        's.setTimeout(1500,()=>process.exit(1));s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1));',
    ],
    { timeout: 3000 },
  );
  return probe.status === 0;
}

interface Backend {
  name: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A new, unopened storage on the backend's database (the same database each call). */
  make(migrations?: readonly Migration[]): EngineStorage;
  /** The ids recorded in engine_schema_migrations. */
  appliedMigrations(): Promise<number[]>;
}

function sqliteBackend(): Backend {
  let dir = '';
  return {
    name: 'sqlite',
    async setUp() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-storage-test-'));
    },
    async tearDown() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
    // A nested directory that does not exist yet: the storage creates it.
    make: (migrations) =>
      migrations
        ? new SqliteStorage({ filename: path.join(dir, 'nested', 'engine.db'), migrations })
        : createStorage(`sqlite:${path.join(dir, 'nested', 'engine.db')}`),
    async appliedMigrations() {
      const db = new Database(path.join(dir, 'nested', 'engine.db'), { readonly: true });
      try {
        return (db.prepare('SELECT id FROM engine_schema_migrations ORDER BY id').all() as { id: number }[]).map(
          (r) => r.id,
        );
      } finally {
        db.close();
      }
    },
  };
}

function mysqlBackend(): Backend {
  const admin = parseMysqlUrl(mysqlUrl);
  const database = `engine_test_${process.pid}_${Date.now()}`;
  const adminConnection = () => mysql.createConnection({ ...admin, database: undefined, connectTimeout: 5000 });
  const url = new URL(mysqlUrl);
  url.pathname = `/${database}`;
  return {
    name: 'mysql',
    async setUp() {
      const conn = await adminConnection();
      await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      await conn.end();
    },
    async tearDown() {
      const conn = await adminConnection();
      await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await conn.end();
    },
    make: (migrations) =>
      migrations ? new MysqlStorage({ ...parseMysqlUrl(url.toString()), migrations }) : createStorage(url.toString()),
    async appliedMigrations() {
      const conn = await adminConnection();
      try {
        const [rows] = await conn.query<mysql.RowDataPacket[]>(
          `SELECT id FROM \`${database}\`.engine_schema_migrations ORDER BY id`,
        );
        return rows.map((r) => Number(r.id));
      } finally {
        await conn.end();
      }
    },
  };
}

function record(position: number, overrides: Partial<RecordRow> = {}): RecordRow {
  return {
    position,
    key: 2251799813685248 + position,
    valueType: 'PROCESS_INSTANCE',
    intent: 'ELEMENT_ACTIVATED',
    recordType: 'EVENT',
    processInstanceKey: position % 2 === 0 ? null : 2251799813685249,
    timestamp: 1_700_000_000_000 + position,
    value: JSON.stringify({ position }),
    ...overrides,
  };
}

const sortState = (rows: StateRow[]): StateRow[] =>
  [...rows].sort((a, b) => (a.cf + '\0' + a.key < b.cf + '\0' + b.key ? -1 : 1));

const backends: Backend[] = [sqliteBackend()];
const runMysql = mysqlReachable();
if (runMysql) backends.push(mysqlBackend());
else console.warn(`MySQL storage tests skipped: nothing listens at ${redact(mysqlUrl)}`);

describe.each(backends.map((b) => [b.name, b] as const))('%s storage', (_name, backend) => {
  let storage: EngineStorage;

  beforeAll(async () => {
    await backend.setUp();
  });
  afterAll(async () => {
    await backend.tearDown();
  });
  beforeEach(async () => {
    storage = backend.make();
    await storage.open();
  });
  afterEach(async () => {
    await storage.close();
  });

  async function reopen(): Promise<void> {
    await storage.close();
    storage = backend.make();
    await storage.open();
  }

  it('starts empty and applies migrations once, idempotently on reopen', async () => {
    expect(storage.kind).toBe(backend.name);
    expect(await storage.lastPosition()).toBe(0);
    expect(await storage.loadState()).toEqual([]);
    await reopen();
    await storage.open(); // a second open() of an open storage is a no-op
    expect(await storage.lastPosition()).toBe(0);
    expect(await backend.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('round-trips state: upsert replaces, delete removes, keys are case-sensitive', async () => {
    await storage.commit({
      records: [],
      puts: [
        { cf: 'JOB', key: '1', value: '{"v":1}' },
        { cf: 'JOB', key: '2', value: '{"v":2}' },
        { cf: 'VARIABLE', key: '1', value: '{"x":true}' },
        { cf: 'VARIABLE', key: 'a', value: 'lower' },
        { cf: 'VARIABLE', key: 'A', value: 'upper' },
      ],
      deletes: [],
    });
    await storage.commit({
      records: [],
      puts: [{ cf: 'JOB', key: '1', value: '{"v":"replaced"}' }],
      deletes: [
        { cf: 'JOB', key: '2' },
        { cf: 'JOB', key: 'never-existed' },
      ],
    });
    await reopen();
    expect(sortState(await storage.loadState())).toEqual(
      sortState([
        { cf: 'JOB', key: '1', value: '{"v":"replaced"}' },
        { cf: 'VARIABLE', key: '1', value: '{"x":true}' },
        { cf: 'VARIABLE', key: 'a', value: 'lower' },
        { cf: 'VARIABLE', key: 'A', value: 'upper' },
      ]),
    );
    await storage.commit({
      records: [],
      puts: [],
      deletes: [
        { cf: 'JOB', key: '1' },
        { cf: 'VARIABLE', key: '1' },
        { cf: 'VARIABLE', key: 'a' },
        { cf: 'VARIABLE', key: 'A' },
      ],
    });
    expect(await storage.loadState()).toEqual([]);
  });

  it('reads records back in position order with afterPosition and limit', async () => {
    await storage.commit({ records: [1, 2, 3].map((p) => record(p)), puts: [], deletes: [] });
    await storage.commit({ records: [4, 5].map((p) => record(p)), puts: [], deletes: [] });
    await storage.commit({ records: [], puts: [], deletes: [] });
    expect(await storage.lastPosition()).toBe(5);
    const all = await storage.readRecords(0, 100);
    expect(all).toEqual([1, 2, 3, 4, 5].map((p) => record(p)));
    expect((await storage.readRecords(2, 2)).map((r) => r.position)).toEqual([3, 4]);
    expect(await storage.readRecords(5, 10)).toEqual([]);
    expect(await storage.readRecords(0, 0)).toEqual([]);
    await reopen();
    expect(await storage.lastPosition()).toBe(5);
    expect(all[0].processInstanceKey).toBe(2251799813685249);
    expect(all[1].processInstanceKey).toBeNull();
  });

  it('commits a batch of 5,000 rows in one commit', async () => {
    const start = (await storage.lastPosition()) + 1;
    const records = Array.from({ length: 3000 }, (_, i) =>
      record(start + i, { value: JSON.stringify({ i, pad: 'x'.repeat(500) }) }),
    );
    const puts = Array.from({ length: 2000 }, (_, i) => ({
      cf: 'ELEMENT_INSTANCE',
      key: String(i),
      value: JSON.stringify({ i, pad: 'y'.repeat(500) }),
    }));
    await storage.commit({ records, puts, deletes: [] });
    expect(await storage.lastPosition()).toBe(start + 2999);
    const back = await storage.readRecords(start - 1, 5000);
    expect(back).toHaveLength(3000);
    expect(back[2999]).toEqual(records[2999]);
    const state = (await storage.loadState()).filter((r) => r.cf === 'ELEMENT_INSTANCE');
    expect(state).toHaveLength(2000);
    await storage.commit({ records: [], puts: [], deletes: puts.map(({ cf, key }) => ({ cf, key })) });
    expect((await storage.loadState()).filter((r) => r.cf === 'ELEMENT_INSTANCE')).toEqual([]);
  });

  it('keeps non-ASCII text intact', async () => {
    const value = JSON.stringify({ 客户: '国网某供电公司', 业务: '业扩报装 — 高压新装', emoji: '⚡🔌' });
    const position = (await storage.lastPosition()) + 1;
    await storage.commit({
      records: [record(position, { value })],
      puts: [{ cf: 'VARIABLE', key: '申请编号-001', value }],
      deletes: [],
    });
    await reopen();
    expect((await storage.readRecords(position - 1, 1))[0].value).toBe(value);
    expect((await storage.loadState()).find((r) => r.key === '申请编号-001')).toEqual({
      cf: 'VARIABLE',
      key: '申请编号-001',
      value,
    });
    await storage.commit({ records: [], puts: [], deletes: [{ cf: 'VARIABLE', key: '申请编号-001' }] });
  });

  it('leaves nothing of a failing batch behind', async () => {
    const last = await storage.lastPosition();
    const stateBefore = sortState(await storage.loadState());
    await storage.commit({ records: [record(last + 1)], puts: [{ cf: 'KEEP', key: 'k', value: 'v1' }], deletes: [] });
    // Position last + 1 exists already: the batch's good rows and its state changes must not survive.
    await expectRejected(
      storage.commit({
        records: [record(last + 2), record(last + 1)],
        puts: [
          { cf: 'KEEP', key: 'k', value: 'v2' },
          { cf: 'NEW', key: 'n', value: 'x' },
        ],
        deletes: [],
      }),
    );
    // A duplicate within one batch fails the same way.
    await expectRejected(
      storage.commit({
        records: [record(last + 3), record(last + 3)],
        puts: [{ cf: 'NEW', key: 'n', value: 'x' }],
        deletes: [{ cf: 'KEEP', key: 'k' }],
      }),
    );
    expect(await storage.lastPosition()).toBe(last + 1);
    expect(sortState(await storage.loadState())).toEqual(
      sortState([...stateBefore, { cf: 'KEEP', key: 'k', value: 'v1' }]),
    );
    // The storage is still usable afterwards.
    await storage.commit({ records: [record(last + 2)], puts: [], deletes: [{ cf: 'KEEP', key: 'k' }] });
    expect(await storage.lastPosition()).toBe(last + 2);
    expect(sortState(await storage.loadState())).toEqual(stateBefore);
  });

  it('commits in call order when commits are not awaited one by one', async () => {
    const last = await storage.lastPosition();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        storage.commit({
          records: [record(last + 1 + i)],
          puts: [{ cf: 'ORDER', key: 'k', value: String(i) }],
          deletes: [],
        }),
      ),
    );
    expect(await storage.lastPosition()).toBe(last + 20);
    expect((await storage.loadState()).find((r) => r.cf === 'ORDER')?.value).toBe('19');
    await storage.commit({ records: [], puts: [], deletes: [{ cf: 'ORDER', key: 'k' }] });
  });

  it('rejects use after close', async () => {
    const closed = backend.make();
    await expect(closed.loadState()).rejects.toThrow(/not open/);
    await expect(closed.commit({ records: [], puts: [], deletes: [] })).rejects.toThrow(/not open/);
  });

  // Last in the suite: afterwards the database has a migration the default list does not know.
  it('applies a pending migration on open, once', async () => {
    const next = MIGRATIONS.length + 1;
    const extra: Migration = {
      id: next,
      name: 'test: add engine_test_extra',
      sqlite: ['CREATE TABLE engine_test_extra (id INTEGER PRIMARY KEY)', 'INSERT INTO engine_test_extra VALUES (1)'],
      mysql: ['CREATE TABLE engine_test_extra (id INT PRIMARY KEY)', 'INSERT INTO engine_test_extra VALUES (1)'],
    };
    await storage.close();
    for (let i = 0; i < 2; i++) {
      storage = backend.make([...MIGRATIONS, extra]);
      await storage.open(); // a second run would fail on CREATE TABLE / duplicate id if it applied it again
      await storage.close();
    }
    expect(await backend.appliedMigrations()).toEqual([...MIGRATIONS.map((m) => m.id), next]);
    // An engine that knows fewer migrations than the database refuses to start.
    await expect(backend.make().open()).rejects.toThrow(/newer engine/);
    storage = backend.make([...MIGRATIONS, extra]);
    await storage.open();
  });
});

describe('in-memory SQLite', () => {
  it('works for tests with sqlite::memory:', async () => {
    const storage = createStorage('sqlite::memory:');
    await storage.open();
    await storage.commit({ records: [record(1)], puts: [{ cf: 'A', key: 'b', value: 'c' }], deletes: [] });
    expect(await storage.lastPosition()).toBe(1);
    expect(await storage.loadState()).toEqual([{ cf: 'A', key: 'b', value: 'c' }]);
    await storage.close();
  });
});

describe('createStorage', () => {
  it('maps URLs to storages', () => {
    expect(createStorage('sqlite::memory:')).toBeInstanceOf(SqliteStorage);
    expect((createStorage('sqlite:./data/engine.db') as SqliteStorage).filename).toBe('./data/engine.db');
    expect((createStorage('sqlite://./data/engine.db') as SqliteStorage).filename).toBe('./data/engine.db');
    expect((createStorage('sqlite:///var/lib/engine.db') as SqliteStorage).filename).toBe('/var/lib/engine.db');
    expect((createStorage('/var/lib/engine.db') as SqliteStorage).filename).toBe('/var/lib/engine.db');
    expect((createStorage('data/engine.db') as SqliteStorage).filename).toBe('data/engine.db');
    expect(createStorage('mysql://root@127.0.0.1:3306/test')).toBeInstanceOf(MysqlStorage);
    expect(createStorage('mariadb://u:p@db/engine')).toBeInstanceOf(MysqlStorage);
    expect(sqlitePath('sqlite://:memory:')).toBe(':memory:');
  });

  it('parses MySQL URLs, decoding user and password', () => {
    expect(parseMysqlUrl('mysql://eng%40ine:p%3Ass@db.example:3307/engine?connectionLimit=4')).toEqual({
      host: 'db.example',
      port: 3307,
      user: 'eng@ine',
      password: 'p:ss',
      database: 'engine',
      connectionLimit: 4,
    });
    expect(parseMysqlUrl('mariadb://root@localhost/test')).toMatchObject({ port: 3306, user: 'root', password: '' });
  });

  it('rejects unknown schemes and incomplete URLs with clear messages, without leaking passwords', () => {
    expect(() => createStorage('postgres://u:secret@h/db')).toThrow(/unsupported database URL scheme "postgres:"/);
    expect(() => createStorage('postgres://u:secret@h/db')).not.toThrow(/secret/);
    expect(() => createStorage('mysql://u:secret@h')).toThrow(/names no database/);
    expect(() => createStorage('mysql://u:secret@h/db?ssl=1')).toThrow(/unknown MySQL URL parameter "ssl"/);
    expect(() => createStorage('sqlite:')).toThrow(/names no file/);
    expect(() => createStorage('  ')).toThrow(/empty/);
  });

  it('has a well-formed migration list', () => {
    expect(pendingMigrations([]).map((m) => m.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(pendingMigrations(MIGRATIONS.map((m) => m.id))).toEqual([]);
    expect(() => pendingMigrations([999])).toThrow(/newer engine/);
  });
});

/**
 * The commit must fail with a duplicate-key error. Checked by message, not with `toThrow`: a native driver's error
 * made in another test file's realm is not an `Error` of this one when jest runs files in one process.
 */
async function expectRejected(commit: Promise<void>): Promise<void> {
  const failure = await commit.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(String((failure as { message?: string } | undefined)?.message)).toMatch(/UNIQUE|Duplicate|constraint/i);
}
