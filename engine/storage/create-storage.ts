/**
 * Builds the engine's storage from a database URL (the forms are in ./database-url.ts). The storage is returned
 * unopened; call `open()`.
 */
import { parseDatabaseUrl } from './database-url';
import type { EngineStorage } from './engine-storage';
import { MysqlStorage } from './mysql-storage';
import { SqliteStorage, type SqliteSynchronous } from './sqlite-storage';

export { parseMysqlUrl, redact, sqlitePath } from './database-url';

export interface CreateStorageOptions {
  /** SQLite only: FULL (default) or NORMAL. */
  sqliteSynchronous?: SqliteSynchronous;
}

export function createStorage(databaseUrl: string, options: CreateStorageOptions = {}): EngineStorage {
  const location = parseDatabaseUrl(databaseUrl);
  return location.kind === 'sqlite'
    ? new SqliteStorage({ filename: location.filename, synchronous: options.sqliteSynchronous })
    : new MysqlStorage(location.options);
}
