/**
 * The application's own database (not the engine's): SQLite by default, MySQL/MariaDB by URL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Sequelize } from 'sequelize';

export function createSequelize(url: string): Sequelize {
  const common = { logging: false as const, define: { underscored: true } };
  if (url.startsWith('sqlite:')) {
    const storage = url.slice('sqlite:'.length) || ':memory:';
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    // Sequelize opens a connection per transaction on SQLite; a writer waiting on another is retried, not failed.
    return new Sequelize({ ...common, dialect: 'sqlite', storage, retry: { match: [/SQLITE_BUSY/], max: 20 } });
  }
  return new Sequelize(url.replace(/^mariadb:/, 'mysql:'), {
    ...common,
    dialect: 'mysql',
    dialectOptions: { charset: 'utf8mb4', dateStrings: false },
    timezone: '+00:00',
  });
}
