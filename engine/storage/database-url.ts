/**
 * Reads a database URL without opening anything, so that configuration can be checked before the engine starts:
 * - `sqlite:<path>`, `sqlite://<path>` (`sqlite:///abs/path` for an absolute one) or a plain file path: SQLite;
 * - `sqlite::memory:`: a private in-memory SQLite database, for tests;
 * - `mysql://user:pass@host:port/db` or `mariadb://...`: MySQL / MariaDB. Query parameter `connectionLimit`
 *   sets the pool size (default 2).
 */
import type { MysqlStorageOptions } from './mysql-storage';

export type DatabaseLocation = { kind: 'sqlite'; filename: string } | { kind: 'mysql'; options: MysqlStorageOptions };

export function parseDatabaseUrl(databaseUrl: string): DatabaseLocation {
  const url = databaseUrl.trim();
  if (url === '') throw new Error('database URL is empty: expected sqlite:<path> or mysql://user:pass@host:port/db');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  // No scheme, or a one-letter one (a Windows drive, C:\...): a plain file path.
  if (scheme === undefined || scheme.length === 1) return { kind: 'sqlite', filename: url };
  switch (scheme) {
    case 'sqlite':
      return { kind: 'sqlite', filename: sqlitePath(url) };
    case 'mysql':
    case 'mariadb':
      return { kind: 'mysql', options: parseMysqlUrl(url) };
    default:
      throw new Error(
        `unsupported database URL scheme "${scheme}:" in ${redact(url)}: ` +
          'expected sqlite:<path>, sqlite::memory:, mysql://user:pass@host:port/db or mariadb://user:pass@host:port/db',
      );
  }
}

/** The file path of a sqlite: URL, or `:memory:`. */
export function sqlitePath(url: string): string {
  let rest = url.slice('sqlite:'.length);
  if (rest.startsWith('//')) rest = rest.slice(2);
  if (rest === '' || rest === '/') throw new Error(`SQLite URL ${url} names no file: expected sqlite:<path>`);
  return rest === ':memory:' ? ':memory:' : rest;
}

export function parseMysqlUrl(databaseUrl: string): MysqlStorageOptions {
  let u: URL;
  try {
    u = new URL(databaseUrl);
  } catch {
    throw new Error(`malformed MySQL URL ${redact(databaseUrl)}: expected mysql://user:pass@host:port/db`);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!u.hostname)
    throw new Error(`MySQL URL ${redact(databaseUrl)} names no host: expected mysql://user:pass@host:port/db`);
  if (!database || database.includes('/')) {
    throw new Error(`MySQL URL ${redact(databaseUrl)} names no database: expected mysql://user:pass@host:port/db`);
  }
  const options: MysqlStorageOptions = {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : 3306,
    user: u.username ? decodeURIComponent(u.username) : 'root',
    password: decodeURIComponent(u.password),
    database,
  };
  for (const [name, value] of u.searchParams) {
    if (name === 'connectionLimit') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 100) {
        throw new Error(`MySQL URL parameter connectionLimit=${value}: expected an integer from 1 to 100`);
      }
      options.connectionLimit = n;
    } else {
      throw new Error(`unknown MySQL URL parameter "${name}" in ${redact(databaseUrl)}: supported is connectionLimit`);
    }
  }
  return options;
}

/** The URL with its password replaced by ***, for messages and logs. */
export function redact(databaseUrl: string): string {
  return databaseUrl.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}
