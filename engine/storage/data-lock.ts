/**
 * One engine per data (decision 0023): the engine holds a lock on its database for as long as it runs, naming its
 * pid, host and ports, so that a second engine started on the same data is refused with words that say who holds
 * it. A lock never outlives its holder for good:
 * - SQLite: a lock file beside the database (`<file>.lock`, created exclusively) holding the holder as JSON and
 *   touched every few seconds; a lock whose pid is gone on this host, or that nobody touched for a minute (a host
 *   that died), is stale and taken over.
 * - MySQL / MariaDB: `GET_LOCK` on a name per schema, held by a connection of its own: the server lets go of it
 *   when that connection ends, kill -9 included. The holder is written to `engine_data_lock` for the refusal.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import * as mysql from 'mysql2/promise';
import { parseDatabaseUrl, redact } from './database-url';
import type { MysqlStorageOptions } from './mysql-storage';

export interface DataLockHolder {
  pid: number;
  hostname: string;
  since: string;
  grpc?: string;
  rest?: string;
}

export interface DataLock {
  /** Records where the holder listens, once its gateways are up. */
  describe(ports: { grpc: string; rest: string }): Promise<void>;
  release(): Promise<void>;
}

export class DataLockedError extends Error {
  constructor(
    readonly databaseUrl: string,
    readonly holder: DataLockHolder | undefined,
  ) {
    super(
      `the data ${redact(databaseUrl)} is in use by another engine: ${describeHolder(holder)}. ` +
        'Stop that engine first, or point ENGINE_DATABASE_URL at other data.',
    );
  }
}

export function describeHolder(holder: DataLockHolder | undefined): string {
  if (!holder) return 'its pid and ports could not be read';
  const ports = holder.grpc ? `gRPC ${holder.grpc}, REST ${holder.rest}` : 'ports not open yet (still starting)';
  return `pid ${holder.pid} on host ${holder.hostname}, ${ports}, running since ${holder.since}`;
}

const HEARTBEAT_MS = 5_000;
/** A lock file nobody touched for this long belongs to a holder that died without removing it. */
const STALE_AFTER_MS = 60_000;
/** A holder killed a moment ago may not have been noticed by the MySQL server yet. */
const MYSQL_WAIT_SECONDS = 3;

export async function acquireDataLock(databaseUrl: string): Promise<DataLock> {
  const location = parseDatabaseUrl(databaseUrl);
  if (location.kind === 'mysql') return acquireMysqlLock(databaseUrl, location.options);
  if (location.filename === ':memory:') return { describe: async () => undefined, release: async () => undefined };
  return acquireFileLock(databaseUrl, `${location.filename}.lock`);
}

function newHolder(): DataLockHolder {
  return { pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): DataLockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DataLockHolder;
  } catch {
    return undefined;
  }
}

function isStale(path: string, holder: DataLockHolder | undefined): boolean {
  let touched: number;
  try {
    touched = statSync(path).mtimeMs;
  } catch {
    return true;
  }
  if (Date.now() - touched > STALE_AFTER_MS) return true;
  return holder !== undefined && holder.hostname === hostname() && !processAlive(holder.pid);
}

/** Creates the lock file if nobody has it; false when it exists. */
function createExclusively(path: string, holder: DataLockHolder): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeFileSync(fd, JSON.stringify(holder));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function acquireFileLock(databaseUrl: string, path: string): Promise<DataLock> {
  let holder = newHolder();
  if (!createExclusively(path, holder)) {
    const current = readHolder(path);
    if (!isStale(path, current)) throw new DataLockedError(databaseUrl, current);
    unlinkSync(path);
    // Two starts taking over the same stale lock: only one creates the file anew.
    if (!createExclusively(path, holder)) throw new DataLockedError(databaseUrl, readHolder(path));
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // removed under us: the next start takes over, nothing to do here
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    describe: async (ports) => {
      holder = { ...holder, ...ports };
      writeFileSync(path, JSON.stringify(holder));
    },
    release: async () => {
      clearInterval(heartbeat);
      if (readHolder(path)?.pid === process.pid) unlinkSync(path);
    },
  };
}

/** GET_LOCK names are server-wide and at most 64 characters. */
function mysqlLockName(database: string): string {
  const name = `engine-data:${database}`;
  return name.length <= 64 ? name : `engine-data:${createHash('sha1').update(database).digest('hex')}`;
}

async function readMysqlHolder(connection: mysql.Connection, name: string): Promise<DataLockHolder | undefined> {
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      'SELECT pid, hostname, since, grpc, rest FROM engine_data_lock WHERE lock_name = ?',
      [name],
    );
    const row = rows[0];
    return row
      ? {
          pid: row.pid,
          hostname: row.hostname,
          since: row.since,
          grpc: row.grpc ?? undefined,
          rest: row.rest ?? undefined,
        }
      : undefined;
  } catch {
    return undefined; // the holder has not created the table yet
  }
}

async function acquireMysqlLock(databaseUrl: string, options: MysqlStorageOptions): Promise<DataLock> {
  const connection = await mysql.createConnection({
    host: options.host,
    port: options.port ?? 3306,
    user: options.user,
    password: options.password ?? '',
    database: options.database,
    connectTimeout: options.connectTimeoutMs ?? 10000,
    enableKeepAlive: true,
  });
  // The lock lives as long as this connection: a lost connection means a lost lock, so the engine must stop.
  connection.on('error', (error) => {
    console.error(`engine data lock connection lost (${error.message}): stopping`);
    process.exit(1);
  });
  const name = mysqlLockName(options.database);
  const [[granted]] = await connection.query<mysql.RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS granted', [
    name,
    MYSQL_WAIT_SECONDS,
  ]);
  if (granted.granted !== 1) {
    const holder = await readMysqlHolder(connection, name);
    await connection.end();
    throw new DataLockedError(databaseUrl, holder);
  }
  let holder = newHolder();
  const write = () =>
    connection.query(
      'REPLACE INTO engine_data_lock (lock_name, pid, hostname, since, grpc, rest) VALUES (?, ?, ?, ?, ?, ?)',
      [name, holder.pid, holder.hostname, holder.since, holder.grpc ?? null, holder.rest ?? null],
    );
  // At once, so that a refused start never reads a holder that died before us (no table yet on a fresh schema).
  await write().catch(() => undefined);
  return {
    describe: async (ports) => {
      holder = { ...holder, ...ports };
      await write();
    },
    release: async () => {
      connection.removeAllListeners('error');
      await connection.query('DELETE FROM engine_data_lock WHERE lock_name = ?', [name]).catch(() => undefined);
      await connection.end().catch(() => undefined);
    },
  };
}
